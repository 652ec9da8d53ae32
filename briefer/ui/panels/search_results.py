"""The search box's result list: hits grouped by kind, with highlighted titles and snippets."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefer.domain.search import (
    SHOWN_PER_GROUP,
    SearchGroup,
    SearchHit,
    SearchResults,
    Segments,
)
from briefer.ui.theme import muted_ink

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
EXPAND_ROLE = Qt.ItemDataRole.UserRole + 3
_PADDING = 6

AnyIndex = QModelIndex | QPersistentModelIndex


def segments_html(parts: Segments) -> str:
    """Escaped text with the matched words in bold."""
    return "".join(f"<b>{escape(text)}</b>" if hit else escape(text) for text, hit in parts)


def hit_html(hit: SearchHit) -> str:
    when = f"<span class='muted'>{escape(hit.when)}</span> &nbsp;" if hit.when else ""
    snippet = f"<br><span class='muted'>{segments_html(hit.snippet)}</span>" if hit.snippet else ""
    return f"{when}{segments_html(hit.title)}{snippet}"


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (``HTML_ROLE``) wrapped to the list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(
        self, option: QStyleOptionViewItem, index: AnyIndex, style: str = ""
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(_PADDING)
        document.setDefaultStyleSheet(style)
        document.setHtml(f"<body>{index.data(HTML_ROLE) or ''}</body>")
        document.setTextWidth(max(self._view.viewport().width(), 200))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        painter.save()
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif index.data(EXPAND_ROLE) is None and index.data(HIT_ROLE) is None:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = palette.color(QPalette.ColorGroup.Active, text_role).name()
        muted = colour if selected else muted_ink(palette).name()
        style = f"body {{ color: {colour}; }} .muted {{ color: {muted}; }}"
        document = self._document(option, index, style)
        painter.translate(QRectF(option.rect).topLeft())
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchResultsView(QFrame):
    """The results under the search box. The box keeps the keyboard focus; it forwards the
    arrow keys here (``move``) and Enter (``activate_current``).

    Signals:
        hit_activated(object): the ``SearchHit`` the analyst opened (Enter or click).
    """

    hit_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Search results")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setItemDelegate(_HtmlDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemClicked.connect(self._activate)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.status.setAccessibleName("Search status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 4)
        layout.setSpacing(2)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(self.status)
        self.results: SearchResults | None = None
        self._expanded: set[str] = set()

    # filling ----------------------------------------------------------------------------
    def show_results(self, results: SearchResults) -> None:
        self.results = results
        self._expanded = set()
        self._fill()

    def _fill(self, keep_row: int = 0) -> None:
        self.list.clear()
        results = self.results
        if results is None:
            return
        for group in results.groups:
            self._add_group(group)
        self.status.setText(_status_text(results))
        if keep_row == 0:
            self.list.scrollToTop()
        self._select_row(keep_row)

    def _add_group(self, group: SearchGroup) -> None:
        header = QListWidgetItem()
        header.setData(HTML_ROLE, f"<b>{escape(group.label)}</b> ({len(group.hits)})")
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(header)
        shown = group.hits if group.kind in self._expanded else group.hits[:SHOWN_PER_GROUP]
        for hit in shown:
            item = QListWidgetItem()
            item.setData(HTML_ROLE, hit_html(hit))
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.title_text)
            self.list.addItem(item)
        hidden = len(group.hits) - len(shown)
        if hidden > 0:
            item = QListWidgetItem()
            item.setData(
                HTML_ROLE,
                f"<span class='muted'>Show {hidden} more {escape(group.label.lower())}…</span>",
            )
            item.setData(EXPAND_ROLE, group.kind)
            self.list.addItem(item)

    def content_height(self) -> int:
        """The height that shows every row without scrolling, at the current width."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        rows = sum(self.list.sizeHintForRow(row) for row in range(self.list.count()))
        status = self.status.heightForWidth(self.width()) if self.status.text() else 0
        return rows + max(status, 0) + 16

    # keyboard ---------------------------------------------------------------------------
    def _selectable_rows(self) -> list[int]:
        return [
            row
            for row in range(self.list.count())
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsSelectable
        ]

    def _select_row(self, wanted: int) -> None:
        rows = self._selectable_rows()
        if not rows:
            return
        row = min(rows, key=lambda r: (abs(r - wanted), r))
        self.list.setCurrentRow(row)
        if row > 1:
            self.list.scrollToItem(self.list.item(row))

    def step(self, steps: int) -> None:
        """Move the current row by ``steps`` hits, skipping group headings."""
        rows = self._selectable_rows()
        if not rows:
            return
        current = self.list.currentRow()
        position = rows.index(current) if current in rows else -1
        target = rows[max(0, min(len(rows) - 1, position + steps))]
        self.list.setCurrentRow(target)
        self.list.scrollToItem(self.list.item(target))

    @property
    def current_hit(self) -> SearchHit | None:
        item = self.list.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def activate_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        kind = item.data(EXPAND_ROLE)
        if kind is not None:
            self._expanded.add(kind)
            self._fill(keep_row=self.list.row(item))
            return
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)


def _status_text(results: SearchResults) -> str:
    notice = f" {results.notice}" if results.notice else ""
    if not results.total:
        return f"No matches for “{results.query}”. Try fewer letters or another spelling.{notice}"
    noun = "match" if results.total == 1 else "matches"
    count = f"The best {results.total} {noun}" if results.truncated else f"{results.total} {noun}"
    narrow = " Many match: add a word to narrow." if results.truncated or results.broad else ""
    return f"{count}. ↑↓ move · Enter opens · Esc closes.{narrow}{notice}"
