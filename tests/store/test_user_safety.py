from briefer.store.user_db import UserStore
from briefer.store.user_safety import back_up, is_healthy, open_user_store


def test_backups_keep_the_last_five(tmp_path):
    path = tmp_path / "user.db"
    for _ in range(7):
        opened = open_user_store(path)
        opened.store.set_setting("k", "v")
        back_up(opened.store, tmp_path / "backups")
        opened.store.close()
    backups = sorted((tmp_path / "backups").glob("user-*.db"))
    assert len(backups) == 5
    restored = UserStore(backups[-1])
    assert restored.version >= 1


def test_backup_is_a_readable_copy(tmp_path):
    store = UserStore(tmp_path / "user.db")
    store.set_setting("ui/theme", "dark")
    copy = back_up(store, tmp_path / "b")
    assert UserStore(copy).get_setting("ui/theme") == "dark"


def test_a_damaged_database_is_set_aside_not_deleted(tmp_path):
    path = tmp_path / "user.db"
    damaged = b"SQLite format 3\x00" + b"\xff" * 4096
    path.write_bytes(damaged)
    assert not is_healthy(path)
    opened = open_user_store(path)
    assert opened.notice is not None and "set aside" in opened.notice
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("user.db.damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert str(kept[0]) in opened.notice
    opened.store.set_setting("fresh", "yes")
    assert opened.store.get_setting("fresh") == "yes"


def test_a_healthy_database_opens_quietly(tmp_path):
    path = tmp_path / "user.db"
    UserStore(path).set_setting("a", "b")
    opened = open_user_store(path)
    assert opened.notice is None and opened.store.get_setting("a") == "b"
