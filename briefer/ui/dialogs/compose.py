"""Compose a one-page briefing: template, text, options, a live preview, and export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPixmap,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from briefer.domain.briefing import DEFAULT_BANNER, PAGE_SIZES, TEMPLATES, Briefing, Cited
from briefer.domain.briefing_recipe import BriefingEdits, BriefingRecipe, BriefingRequest
from briefer.domain.records import EntityRef
from briefer.domain.vocabulary import EntityKind
from briefer.services.briefing import BriefingComposer
from briefer.services.briefing_edits import apply_edits, note_lines
from briefer.services.estimative import check
from briefer.services.notes import NotesService
from briefer.ui.dialogs.compose_export import ComposeExports
from briefer.ui.dialogs.compose_layout import lay_out
from briefer.ui.dialogs.estimative_highlighter import EstimativeHighlighter
from briefer.ui.dialogs.judgment_confidence import ConfidencePicker
from briefer.ui.dialogs.page_image import render_preview
from briefer.ui.dialogs.reissue_banner import ReissueBanner
from briefer.ui.screen_fit import resize_within_screen
from briefer.ui.signals import signals_blocked
from briefer.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from briefer.services.saved_briefings import Reissue, SavedBriefingsService

PREVIEW_DELAY_MS = 150  # a pause this long renders; typing faster only restarts the wait
PREVIEW_TASK = "preview"  # the runner's key: a newer preview supersedes an older one
RENDERING, UP_TO_DATE = "Rendering preview…", "Preview up to date"


class ComposeDialog(QDialog):
    """Edits a composed draft; every change re-renders the preview off the UI thread."""

    def __init__(
        self,
        composer: BriefingComposer,
        notes: NotesService,
        comparison: tuple[str, list[str]] | None,
        selected: EntityRef | None,
        parent: QWidget | None = None,
        saved: SavedBriefingsService | None = None,
        reissue: Reissue | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export briefing" if reissue is None else "Reissue briefing")
        resize_within_screen(self, 1180, 860)
        self._composer = composer
        self._notes = notes
        self._comparison = comparison
        self._selected = selected
        self._draft: Briefing | None = None
        self._saved_judgments: tuple[Cited, ...] = ()  # a reopened briefing's, with sources
        self.runner = TaskRunner(self)
        self.last_pdf: bytes | None = None
        self.exports = ComposeExports(self, saved)
        self.banner_of_changes = ReissueBanner(reissue, self)
        self._build_widgets()
        self._build_layout()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self._connect()
        if reissue is None:
            self.template.setCurrentIndex(self._initial_template())
            self.load_draft()
        else:
            self._reopen(reissue.saved.recipe)

    @property
    def exported(self) -> Path | None:
        return self.exports.exported

    @property
    def error_box(self) -> QMessageBox | None:
        return self.exports.error_box

    def export_to(self, path: Path, form: str = "pdf") -> None:
        self.exports.export_to(path, form)

    # widgets ----------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.template = QComboBox(self)
        self.template.addItems(TEMPLATES)
        self.template.setAccessibleName("Template")
        self.title = QLineEdit(self)
        self.bluf = QPlainTextEdit(self)
        self.bluf.setAccessibleName("Bottom line up front")
        self.judgments = QPlainTextEdit(self)
        self.confidence = ConfidencePicker(self.judgments, self)
        self.judgments.setAccessibleName("Key judgments, one per line")
        self.highlighters = [
            EstimativeHighlighter(w.document()) for w in (self.bluf, self.judgments)
        ]
        self.findings = QLabel(self)
        self.findings.setWordWrap(True)
        self.banner = QLineEdit(DEFAULT_BANNER, self)
        self.author = QLineEdit(self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.page_size = QComboBox(self)
        self.page_size.addItems(PAGE_SIZES)
        self.include = {
            name: QCheckBox(text, self)
            for name, text in (
                ("timeline", "Timeline"),
                ("comparison", "Comparison (the panel's selection)"),
                ("provisions", "Provisions"),
                ("notes", "My notes on these records"),
            )
        }
        for box in self.include.values():
            box.setChecked(True)
        self.provision_list = QListWidget(self)
        self.provision_list.setAccessibleName("Provisions to include")
        self.provision_list.setToolTip("Tick the provisions the page should cite")
        self.provision_list.setMinimumHeight(5 * self.fontMetrics().lineSpacing())
        for provision_id, label in self._composer.provision_choices():
            item = QListWidgetItem(label, self.provision_list)
            item.setData(Qt.ItemDataRole.UserRole, provision_id)
            item.setToolTip(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.preview = QLabel("Rendering…", self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName("Page preview")
        self.status = QLabel(self)
        self.copy_button = QPushButton("Copy as text", self)
        self.copy_button.setToolTip("The briefing as plain text with numbered sources, for mail")
        self.reset_button = QPushButton("Reset to draft", self)

    def _build_layout(self) -> None:
        lay_out(self)

    def _connect(self) -> None:
        self.template.currentIndexChanged.connect(self.load_draft)
        self.reset_button.clicked.connect(self.load_draft)
        for edit in (self.title, self.banner, self.author):
            edit.textEdited.connect(self.schedule)
        for text in (self.bluf, self.judgments):
            text.textChanged.connect(self.schedule)
        self.date.dateChanged.connect(self.schedule)
        self.page_size.currentIndexChanged.connect(self.schedule)
        for box in self.include.values():
            box.toggled.connect(self.schedule)
        self.include["provisions"].toggled.connect(self.provision_list.setEnabled)
        self.provision_list.itemChanged.connect(self.schedule)
        self.copy_button.clicked.connect(self.copy_as_text)

    def _initial_template(self) -> int:
        from briefer.services.briefing_drafts import template_for

        return TEMPLATES.index(template_for(self._selected))

    def checked_provisions(self) -> tuple[str, ...]:
        items = (self.provision_list.item(i) for i in range(self.provision_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _check_provisions(self, wanted: tuple[str, ...]) -> None:
        """Tick ``wanted`` and list it first, in its order, so the list reads like the page."""
        with QSignalBlocker(self.provision_list):
            rank = {provision_id: i for i, provision_id in enumerate(wanted)}
            items = [self.provision_list.takeItem(0) for _ in range(self.provision_list.count())]
            items.sort(key=lambda item: rank.get(item.data(Qt.ItemDataRole.UserRole), len(rank)))
            for item in items:
                checked = item.data(Qt.ItemDataRole.UserRole) in rank
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.provision_list.addItem(item)

    # composing --------------------------------------------------------------------------
    def request(self, provision_ids: tuple[str, ...] = ()) -> BriefingRequest:
        """What to compose; no ``provision_ids`` means the template's own choice."""
        template = self.template.currentText()
        launch = (
            self._selected.id
            if self._selected and self._selected.kind == EntityKind.LAUNCH_ATTEMPT
            else None
        )
        subjects = (
            tuple(self._comparison[1])
            if self._comparison and self.include["comparison"].isChecked()
            else ()
        )
        scenario = (
            self._selected.id
            if self._selected and self._selected.kind == EntityKind.SCENARIO
            else None
        )
        return BriefingRequest(
            template=template,
            launch_id=launch if template == "launch" else None,
            scenario_id=scenario if template == "scenario" else None,
            subject_ids=subjects,
            provision_ids=provision_ids,
            banner=self.banner.text() or DEFAULT_BANNER,
            author=self.author.text(),
            page_size=self.page_size.currentText(),
            date=self.date.date().toString("yyyy-MM-dd"),
        )

    def load_draft(self) -> None:
        """Compose the factual draft for the template and put its text in the editors."""
        self._draft = self._composer.compose(self.request(self._selected_provision()))
        self._check_provisions(self._draft.provision_ids)
        with signals_blocked(self.title, self.bluf, self.judgments):
            self.title.setText(self._draft.title)
            self.title.setCursorPosition(0)  # long titles show their start, not their end
            self.bluf.setPlainText(self._draft.bluf)
            self.judgments.setPlainText("\n".join(j.text for j in self._draft.judgments))
        self.refresh_preview()

    def copy_as_text(self) -> str:
        """Put the briefing, as edited, on the clipboard as plain text; returns the text."""
        from briefer.briefing.plain_text import as_plain_text

        text = as_plain_text(self.briefing())
        QGuiApplication.clipboard().setText(text)
        self.status.setText("Copied as text: paste it into a message.")
        return text

    def recipe(self) -> BriefingRecipe:
        """What makes this page again: the request with the note lines as printed, and the
        edits with the sources of every judgment line that has them."""
        chosen = self.checked_provisions()
        request = self.request(chosen)
        if self.include["notes"].isChecked():
            request = replace(request, notes=self._notes_for(request.template))
        # blocks, not toPlainText(): a Shift+Enter break (U+2028) stays inside its line
        typed = self.judgments.document().toRawText().replace("\u2029", "\n")
        known = [*self._saved_judgments, *(self._draft.judgments if self._draft else ())]
        edits = BriefingEdits(
            title=self.title.text(),
            bluf=self.bluf.toPlainText(),
            judgments=typed,
            include_timeline=self.include["timeline"].isChecked(),
            include_comparison=self.include["comparison"].isChecked(),
            include_provisions=self.include["provisions"].isChecked() and bool(chosen),
            saved_judgments=tuple(j for j in known if j.sources and j.text in typed),
        )
        return BriefingRecipe(request, edits)

    def briefing(self) -> Briefing:
        """The draft with the analyst's edits, options and notes applied."""
        recipe = self.recipe()
        return apply_edits(self._composer.compose(recipe.request), recipe.edits)

    def _reopen(self, recipe: BriefingRecipe) -> None:
        """Fill the dialog from a saved briefing: its choices, then its text over the draft."""
        request, edits = recipe.request, recipe.edits
        self._selected = (
            EntityRef(EntityKind.LAUNCH_ATTEMPT, request.launch_id)
            if request.launch_id
            else EntityRef(EntityKind.SCENARIO, request.scenario_id)
            if request.scenario_id
            else None
        )
        self._comparison = ("", list(request.subject_ids)) if request.subject_ids else None
        self._saved_judgments = edits.saved_judgments
        boxes = [*self.include.values(), self.template, self.page_size]
        with signals_blocked(*boxes, self.banner, self.author):
            self.template.setCurrentText(request.template)
            self.page_size.setCurrentText(request.page_size)
            self.banner.setText(request.banner)
            self.author.setText(request.author)
            self.include["timeline"].setChecked(edits.include_timeline)
            self.include["comparison"].setChecked(edits.include_comparison)
            self.include["provisions"].setChecked(edits.include_provisions)
            self.include["notes"].setChecked(bool(request.notes))
        self.load_draft()
        if request.provision_ids:
            self._check_provisions(request.provision_ids)
        with signals_blocked(self.title, self.bluf, self.judgments):
            if edits.title is not None:
                self.title.setText(edits.title)
                self.title.setCursorPosition(0)
            if edits.bluf is not None:
                self.bluf.setPlainText(edits.bluf)
            if edits.judgments is not None:
                self.judgments.setPlainText(edits.judgments)
        self.refresh_preview()

    def _selected_provision(self) -> tuple[str, ...]:
        """A provision selected in the window leads a sanctions brief, after it the defaults."""
        if self.template.currentText() != "sanctions" or self._selected is None:
            return ()
        if self._selected.kind != EntityKind.PROVISION:
            return ()
        defaults = self._composer.compose(self.request()).provision_ids
        return tuple(dict.fromkeys((self._selected.id, *defaults)))

    def _notes_for(self, template: str) -> tuple[Cited, ...]:
        refs: list[EntityRef] = []
        if template == "launch" and self._selected is not None:
            refs.append(self._selected)
        if self._comparison and template in ("comparison", "overview"):
            refs += [EntityRef(EntityKind.SUBJECT, i) for i in self._comparison[1]]
        pairs = []
        for ref in refs:
            note = self._notes.note_for(ref)
            if note is not None:
                pairs.append((self._notes.title_of(ref) or ref.id, note.body))
        return note_lines(pairs)

    def schedule(self, *_args: object) -> None:
        self._show_findings()
        self.status.setText(RENDERING)  # the preview is behind the text until the next render
        self.timer.start()

    def _show_findings(self) -> None:
        found = [f for w in (self.bluf, self.judgments) for f in check(w.toPlainText())]
        self.findings.setText(
            ""
            if not found
            else "Estimative language: "
            + "; ".join(f"'{f.word}': use {f.suggestion}" for f in found[:4])
        )

    def refresh_preview(self) -> None:
        """Render the page and its image off the UI thread; this request supersedes any
        earlier one still pending, whose result is then dropped."""
        from briefer.briefing.render import render

        briefing = self.briefing()  # composed here: the databases belong to the UI thread
        width = max(self.preview.width(), 480)
        self.status.setText(RENDERING)

        def page() -> tuple[bytes, QImage]:
            pdf = render(briefing)
            return pdf, render_preview(pdf, width)

        self.runner.run(page, self._on_rendered, self._on_preview_failed, key=PREVIEW_TASK)

    def _on_rendered(self, result: tuple[bytes, QImage]) -> None:
        self.last_pdf, image = result
        self.preview.setPixmap(QPixmap.fromImage(image))
        if not self.timer.isActive():  # else an edit since this request is still to render
            self.status.setText(UP_TO_DATE)

    def _on_preview_failed(self, error: Exception) -> None:
        self.status.setText(f"Preview failed: {error}")

    def done(self, result: int) -> None:
        """Let a running render or export finish so no result lands on a closed dialog."""
        self.timer.stop()
        self.runner.wait()
        super().done(result)
