// The sleep diary page: two check-ins drawn at build (diary.md.j2), the engine in its worker,
// and the report the engine makes of the plan's answers and the diary's entries.
// As in plan-builder.mjs, one state (INITIAL_STATE) is the only record of what the page shows:
// every change goes through `update`, and `render` makes the page match it. Every word shown
// comes from content: the page's own (diary-wording.mjs) and the engine's (its messages and
// report). Nothing is sent anywhere: entries go to the engine in this page's worker, and are
// kept in this browser (diary-store.mjs).
import { answersStore } from "./answers-store.mjs";
import { DiaryEntries } from "./diary-entries.mjs";
import {
  fieldElements,
  firstField,
  isBlank,
  likelyNight,
  localDate,
  nightField,
  readCheckIn,
  showWithTheMat,
  suggest,
  writeCheckIn,
} from "./diary-form.mjs";
import { fileText, saveFile } from "./diary-files.mjs";
import { DiaryImport } from "./diary-import.mjs";
import { diaryStore } from "./diary-store.mjs";
import { diaryWording } from "./diary-wording.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { ENGINE_STATE, EngineWatch, engineStatus } from "./engine-watch.mjs";
import { noticeParts } from "./page-messages.mjs";

const CHECK_INS = ["evening", "morning"];

const INITIAL_STATE = Object.freeze({
  ...ENGINE_STATE, // the engine: engine, slowStart, problem (engine-watch.mjs)
  plan: "loading", // the saved plan answers: "loading", "ok", "none" or "problem"
  planMessages: [], // with "problem": the engine's messages about the answers
  entries: [], // the diary: the engine's checked entries, in night order (as stored)
  result: null, // the engine's diary result for `entries`: {report, html, csv, ...}
  waiting: false, // something was asked of the engine and is not on screen yet
  errors: null, // the engine's messages for the last form sent: {form, fields: {id: text}}
  importProblems: [], // the rejected file's problems: [{row, column, message}]
  preview: null, // a checked file awaiting confirmation: {result, nights}
  confirmingDelete: false, // "Delete my diary" asks first
  eveningNight: "", // the evening check-in's night, for what the plan has that evening
  morningNight: "", // the morning check-in's night, for that evening's bedtime
  notice: null, // announced after an action: {key, values, items}
  focus: null, // what takes focus once this state is shown (then forgotten)
});

let stopPrevious = () => {};

/** Start the diary in `root` (Material's instant navigation may call this once per visit). */
export function startDiary(root) {
  stopPrevious();
  const lifetime = new AbortController();
  stopPrevious = () => lifetime.abort();
  new DiaryPage(root, lifetime.signal).start();
}

class DiaryPage {
  constructor(root, signal) {
    this.root = root;
    this.signal = signal;
    this.text = diaryWording(root.dataset.i18n);
    this.forms = Object.fromEntries(
      CHECK_INS.map((name) => [name, root.querySelector(`[data-check-in="${name}"]`)]),
    );
    this.importForm = root.querySelector("[data-import-form]");
    this.status = root.querySelector("[data-engine-status]");
    this.alert = root.querySelector("[data-engine-problem]");
    this.notice = root.querySelector("[data-diary-notice]");
    this.report = root.querySelector("[data-diary-report]");
    // The error summary goes first in the page's main content, above the page heading.
    this.main = root.closest("article") ?? document.querySelector("main") ?? root;
    this.store = diaryStore();
    this.nights = new DiaryEntries(root, signal);
    this.importView = new DiaryImport(root, this.text);
    this.state = INITIAL_STATE;
    this.watcher = new EngineWatch(this);
    this.latestRequest = 0; // numbers requests, so only the latest one's reply is shown
  }

  start() {
    this.showStorageKind();
    for (const [name, form] of Object.entries(this.forms)) this.wireCheckIn(name, form);
    this.on(this.importForm, "submit", (event) => {
      event.preventDefault();
      this.checkFile();
    });
    this.on(this.nights.changeButton, "click", () => this.changeNight());
    this.on(this.nights.deleteButton, "click", () => this.deleteNight());
    this.onClick("[data-export-diary]", () => this.exportDiary());
    this.onClick("[data-import-replace]", () => this.importFile("replace"));
    this.onClick("[data-import-merge]", () => this.importFile("merge"));
    this.onClick("[data-import-cancel]", () =>
      this.update({ preview: null, notice: { key: "cancelled" }, focus: "file" }),
    );
    this.onClick("[data-delete-diary]", () =>
      this.update({ confirmingDelete: true, focus: "confirm" }),
    );
    this.onClick("[data-delete-no]", () =>
      this.update({ confirmingDelete: false, focus: "deleteButton" }),
    );
    this.onClick("[data-delete-yes]", () => this.deleteDiary());
    this.restore();
  }

  on(target, type, handler) {
    target.addEventListener(type, handler, { signal: this.signal });
  }

  onClick(selector, handler) {
    this.on(this.root.querySelector(selector), "click", handler);
  }

  // --- the state --------------------------------------------------------------------------

  update(changes) {
    if (this.signal.aborted || !this.root.isConnected) return;
    const previous = this.state;
    this.state = Object.freeze({ ...previous, ...changes });
    this.render(previous, this.state);
    if (this.state.focus) this.state = Object.freeze({ ...this.state, focus: null });
  }

  render(previous, state) {
    // A live region re-announces text set again, even unchanged: set it only when it changes.
    // Not started (no plan yet): nothing to say, the no-plan box says what to do.
    const status = state.engine === "idle" ? "" : this.text(`status.${engineStatus(state)}`);
    if (this.status.textContent !== status) this.status.textContent = status;
    this.status.dataset.state = state.engine; // for styles and the benchmark, never read here
    if (state.problem !== previous.problem) this.renderProblem(state.problem);
    if (state.plan !== previous.plan || state.planMessages !== previous.planMessages) {
      this.renderPlan(state);
    }
    if (state.result !== previous.result) {
      this.report.innerHTML = state.result ? state.result.html : "";
      this.report.dataset.nights = String(state.entries.length); // for tests and the benchmark
    }
    if (state.entries !== previous.entries) this.nights.show(state.entries);
    if (
      state.result !== previous.result ||
      state.eveningNight !== previous.eveningNight ||
      state.morningNight !== previous.morningNight
    ) {
      this.renderSuggestions(state);
    }
    const hasEntries = state.entries.length > 0;
    this.part("[data-keep]").hidden = state.plan === "loading" && !hasEntries;
    this.part("[data-export]").hidden = !(state.result && hasEntries);
    this.part("[data-delete-part]").hidden = !hasEntries;
    const confirm = this.part("[data-delete-confirm]");
    confirm.hidden = !state.confirmingDelete;
    if (state.confirmingDelete) {
      confirm.querySelector("[data-confirm-text]").textContent = this.text("delete.confirm", {
        nights: state.entries.length,
      });
    }
    if (state.errors !== previous.errors) this.renderErrors(state.errors);
    if (state.importProblems !== previous.importProblems) {
      this.importView.showProblems(state.importProblems);
    }
    if (state.preview !== previous.preview) this.importView.showPreview(state.preview);
    if (state.notice !== previous.notice) this.renderNotice(state.notice);
    if (state.focus) this.focus(state.focus);
  }

  part(selector) {
    return this.root.querySelector(selector);
  }

  renderPlan({ plan, planMessages }) {
    this.part("[data-no-plan]").hidden = plan !== "none";
    const problem = this.part("[data-plan-problem]");
    problem.hidden = plan !== "problem";
    const list = problem.querySelector("[data-plan-messages]");
    list.replaceChildren(
      ...planMessages.map((message) => {
        const item = document.createElement("li");
        item.textContent = message;
        return item;
      }),
    );
    this.part("[data-check-ins]").hidden = plan === "none" || plan === "problem";
  }

  /**
   * What the plan has for the evening check-in's night, whichever night is picked, and the
   * bedtime of the morning check-in's night (the plan's usual one for a night it has no
   * evening for). Only what the person has not typed themselves is filled in (`suggest`).
   */
  renderSuggestions({ result, eveningNight, morningNight }) {
    const tonight = this.part("[data-tonight]");
    const planned = result ? eveningOf(result.report, eveningNight) : null;
    const minutes = planned?.planned === "mat" ? planned.minutes : null;
    const shown = planned && (planned.planned !== "mat" || minutes !== null);
    tonight.hidden = !shown;
    tonight.textContent = shown
      ? this.text(`tonight.${planned.planned}`, { night: eveningNight, minutes })
      : "";
    suggest(this.forms.evening, { mat_minutes: minutes === null ? null : String(minutes) });
    const bedtime = result
      ? (eveningOf(result.report, morningNight) ?? result.report.next_night).tried_to_sleep
      : null;
    suggest(this.forms.morning, { tried_to_sleep: bedtime });
  }

  renderErrors(errors) {
    for (const form of [...Object.values(this.forms), this.importForm]) {
      clearErrors({ form, main: this.main, text: this.text });
    }
    if (!errors) return;
    const form = errors.form === "import" ? this.importForm : this.forms[errors.form];
    showErrors({ form, errors: errors.fields, main: this.main, text: this.text });
  }

  focus(target) {
    const element = {
      errors: () => this.main.querySelector("[data-error-summary]"),
      problem: () => this.alert.querySelector("[data-problem]"),
      status: () => this.status,
      evening: () => this.forms.evening.querySelector("[data-check-in-heading]"),
      morning: () => this.forms.morning.querySelector("[data-check-in-heading]"),
      plan: () => this.part(this.state.plan === "none" ? "[data-no-plan]" : "[data-plan-problem]"),
      preview: () => this.part("[data-import-preview]"),
      file: () => this.importForm.querySelector("input[type=file]"),
      confirm: () => this.part("[data-delete-confirm]"),
      deleteButton: () => this.part("[data-delete-diary]"),
      keep: () => this.part("[data-keep-heading]"),
      nights: () => this.nights.choice,
    }[target]();
    element?.focus();
  }

  renderProblem(problem) {
    this.watcher.renderProblem(this.alert, this.root, this.text, problem);
  }

  renderNotice(notice) {
    this.notice.replaceChildren(...(notice ? noticeParts(this.text, notice) : []));
  }

  showStorageKind() {
    const persistent = this.store.persistent;
    this.part("[data-saved-persistent]").hidden = !persistent;
    this.part("[data-saved-memory]").hidden = persistent;
  }

  // --- the engine --------------------------------------------------------------------------

  /**
   * The engine, started on first use. Without a plan the diary has nothing to report, so a
   * reader who comes here first downloads none of the engine (about 5 MB) until they ask for
   * something, and their phone's processor is left to the page.
   */
  get engine() {
    if (!this.watcher.engine) this.watcher.follow();
    return this.watcher.engine;
  }

  engineReady() {
    // A report still owed by an engine that failed is asked of the new one.
    if (this.answers && !this.state.result && !this.asking) this.refresh();
  }

  /**
   * Ask the engine for the diary made of `entries` (or of `csv`, a file's text). Resolves with
   * the reply, or null when there is no reply to show: the engine failed (its alert says so)
   * or a later request has replaced this one. `waits`: the person is waiting for this reply,
   * so the status says so while the engine is still starting.
   */
  async ask({ entries, csv }, { waits = true } = {}) {
    const number = ++this.latestRequest;
    if (this.engine.state === "failed") {
      this.update({ focus: "problem" });
      return null;
    }
    const request = { action: "diary", answers: this.answers };
    if (csv === undefined) request.entries = entries;
    else request.csv = csv;
    if (waits) this.update({ waiting: true });
    this.asking = true;
    let reply;
    try {
      reply = await this.engine.request(request);
    } catch {
      return null;
    } finally {
      if (number === this.latestRequest) this.asking = false;
    }
    if (number !== this.latestRequest || this.signal.aborted) return null;
    this.update({ waiting: false });
    if (!reply.ok && !Object.keys(reply.errors).length) {
      this.update({ problem: { crashed: true, detail: reply.error }, focus: "problem" });
      return null;
    }
    const planMessages = Object.entries(reply.errors)
      .filter(([key]) => !isDiaryKey(key))
      .map(([, message]) => message);
    if (planMessages.length) {
      // Focus moves only for something the person did, never as the page opens.
      this.update({ plan: "problem", planMessages, focus: waits ? "plan" : null });
      return null;
    }
    return reply;
  }

  /** Keep and show a diary the engine has checked. */
  accept(result, changes = {}) {
    // An empty diary leaves nothing behind in the browser.
    if (result.entries.length) this.store.save(result.entries);
    else this.store.clear();
    this.update({ plan: "ok", result, entries: result.entries, errors: null, ...changes });
  }

  // --- restoring ---------------------------------------------------------------------------

  restore() {
    const saved = answersStore().load(); // any questionnaire version: the engine checks them
    const kept = this.store.load();
    const changes = { entries: kept.entries };
    if (kept.state === "unreadable") changes.notice = { key: "unreadable" };
    for (const [name, form] of Object.entries(this.forms)) {
      nightField(form).value = likelyNight(name);
    }
    changes.eveningNight = nightField(this.forms.evening).value;
    changes.morningNight = nightField(this.forms.morning).value;
    if (saved.state === "none" || saved.state === "unreadable") {
      this.update({ ...changes, plan: "none", engine: "idle" });
      return;
    }
    this.answers = saved.answers;
    this.watcher.follow();
    this.update(changes);
    this.refresh();
  }

  /**
   * The report of the stored diary. Nights the engine no longer accepts (content changed since
   * they were kept) are removed, with a notice naming them, rather than trusted.
   */
  async refresh() {
    const sent = this.state.entries;
    const reply = await this.ask({ entries: sent }, { waits: false });
    if (!reply) return;
    if (reply.ok) {
      this.accept(reply.result);
      return;
    }
    const rejected = new Map();
    for (const [key, message] of Object.entries(reply.errors)) {
      const index = Number(key.split("/")[1]);
      const night = sent[index]?.night ?? "";
      if (!rejected.has(index)) rejected.set(index, `${night}: ${message}`);
    }
    const keptEntries = sent.filter((_, index) => !rejected.has(index));
    this.update({ entries: keptEntries, notice: { key: "removed", items: [...rejected.values()] } });
    if (keptEntries.length < sent.length) this.refresh();
  }

  // --- the check-ins -----------------------------------------------------------------------

  wireCheckIn(name, form) {
    const night = nightField(form);
    const limit = () => {
      // Only when the day has changed: setting it again would clear a half-typed date.
      const today = localDate(new Date());
      if (night.max !== today) night.max = today;
    };
    limit();
    this.on(night, "focus", limit);
    this.on(form, "change", () => showWithTheMat(form));
    // Another night picked: the plan's suggestions follow it.
    this.on(night, "input", () => this.update({ [`${name}Night`]: night.value }));
    this.on(form, "submit", (event) => {
      event.preventDefault();
      this.saveCheckIn(name);
    });
  }

  async saveCheckIn(name) {
    const form = this.forms[name];
    const values = readCheckIn(form);
    const stored = this.state.entries.find((entry) => entry.night === values.night);
    // A check-in adds to the night's other check-in; a blank one is sent alone, so that the
    // engine says what to fill in instead of keeping the night as it was.
    let entry = values;
    if (stored && !isBlank(values)) {
      entry = { ...stored };
      for (const field of fieldElements(form)) entry[field.dataset.question] = null;
      Object.assign(entry, values);
    }
    const entries = [...this.state.entries.filter((item) => item.night !== values.night), entry];
    this.update({ notice: null });
    const reply = await this.ask({ entries });
    if (!reply) return;
    if (!reply.ok) {
      const fields = fieldErrors(reply.errors, entries.length - 1, form);
      this.update({ errors: { form: name, fields }, importProblems: [], focus: "errors" });
      return;
    }
    writeCheckIn(form, {});
    nightField(form).value = likelyNight(name);
    this.accept(reply.result, {
      eveningNight: nightField(this.forms.evening).value,
      morningNight: nightField(this.forms.morning).value,
      notice: { key: "saved", values: { night: values.night } },
    });
  }

  changeNight() {
    const night = this.nights.chosen();
    const entry = this.state.entries.find((item) => item.night === night);
    if (!entry) return;
    for (const form of Object.values(this.forms)) writeCheckIn(form, entry);
    this.update({
      errors: null,
      eveningNight: night,
      morningNight: night,
      focus: entry.mat_used === null && entry.tried_to_sleep !== null ? "morning" : "evening",
    });
  }

  async deleteNight() {
    const night = this.nights.chosen();
    if (!night) return;
    const reply = await this.ask({
      entries: this.state.entries.filter((entry) => entry.night !== night),
    });
    if (!reply?.ok) return;
    this.accept(reply.result, {
      notice: { key: "deletedNight", values: { night } },
      focus: reply.result.entries.length ? "nights" : "keep",
    });
  }

  // --- keeping, moving, deleting -----------------------------------------------------------

  exportDiary() {
    const button = this.part("[data-export-diary]");
    if (this.state.result) saveFile(this.state.result.csv, button.dataset.exportDiary, "text/csv");
  }

  async checkFile() {
    const file = this.importForm.querySelector("input[type=file]").files[0];
    this.update({ preview: null, notice: null });
    if (!file) {
      const fields = { csv: this.text("import.missing") };
      this.update({ errors: { form: "import", fields }, importProblems: [], focus: "errors" });
      return;
    }
    const reply = await this.ask({ csv: await fileText(file) });
    if (!reply) return;
    if (reply.ok) {
      this.update({ errors: null, importProblems: [], preview: reply.result, focus: "preview" });
      return;
    }
    const problems = Object.entries(reply.errors).map(([key, message]) => {
      const [, row, column] = key.split("/");
      return { row: row ?? "", column: column ?? "", message };
    });
    const fields = { csv: this.text("import.problems", { count: problems.length }) };
    this.update({
      errors: { form: "import", fields },
      importProblems: problems,
      focus: "errors",
    });
  }

  async importFile(how) {
    const imported = this.state.preview;
    if (!imported) return;
    let result = imported;
    if (how === "merge") {
      const nights = new Set(imported.entries.map((entry) => entry.night));
      const kept = this.state.entries.filter((entry) => !nights.has(entry.night));
      const reply = await this.ask({ entries: [...kept, ...imported.entries] });
      if (!reply) return;
      if (!reply.ok) {
        this.update({ preview: null, errors: { form: "import", fields: reply.errors } });
        return;
      }
      result = reply.result;
    } else {
      this.latestRequest++; // nothing still on its way may replace what is imported
    }
    this.importForm.reset();
    this.accept(result, {
      preview: null,
      notice: { key: "imported", values: { nights: imported.entries.length } },
      focus: "keep",
    });
  }

  async deleteDiary() {
    this.latestRequest++; // a reply still on its way is not shown
    this.store.clear();
    this.update({
      confirmingDelete: false,
      entries: [],
      result: null,
      preview: null,
      errors: null,
      notice: { key: "deleted" },
      focus: "keep",
    });
    const reply = await this.ask({ entries: [] }, { waits: false });
    if (reply?.ok) this.update({ result: reply.result });
  }
}

/** An error key about the diary rather than the plan's answers (guide_engine/web.py). */
function isDiaryKey(key) {
  return key === "entries" || key.startsWith("entries/") || key.startsWith("csv/");
}

/**
 * The engine's messages for the entry at `index`, by the form's field ids. A message about a
 * field this form does not ask (the engine's "fill in something" names the evening's first
 * question) goes to the form's first question; messages about other nights are listed as they
 * are (they name no field here).
 */
function fieldErrors(errors, index, form) {
  const asked = new Set(fieldElements(form).map((field) => field.dataset.question));
  const fields = {};
  for (const [key, message] of Object.entries(errors)) {
    const [, at, field] = key.split("/");
    if (Number(at) !== index || field === undefined) {
      fields[key] = message;
      continue;
    }
    const id = asked.has(field) ? field : firstField(form).dataset.question;
    if (!Object.hasOwn(fields, id)) fields[id] = message;
  }
  return fields;
}

/**
 * The plan's evening of `night` from the report: {planned, minutes, tried_to_sleep}, or
 * undefined for a night outside the plan (before its start, or after its last week).
 */
function eveningOf(report, night) {
  return report.evenings.find((item) => item.night === night);
}
