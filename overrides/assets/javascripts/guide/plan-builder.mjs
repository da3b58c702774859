// The plan builder page: the server-rendered form, the engine in its worker, and the plan.
// Each job lives in its own module; this one holds the page's one state and renders it.
//
// The state (see INITIAL_STATE) is the only record of what the page shows: every change goes
// through `update`, and `render` makes the page match it. The words the script shows come from
// wording.mjs; the form's own words are in the page (plan.md.j2).
import { answersStore } from "./answers-store.mjs";
import { askedAnswers, markRevealingAnswers, revealAsked } from "./asked-questions.mjs";
import { clearErrors, showErrors } from "./error-summary.mjs";
import { untickConflicts } from "./exclusive-options.mjs";
import { pickNumberIfEmpty, seedQuestionIn } from "./fair-test-number.mjs";
import {
  limitDates,
  questionElements,
  questionnaireVersion,
  readAnswers,
  writeAnswers,
} from "./form-answers.mjs";
import { ENGINE_STATE, EngineWatch, engineStatus } from "./engine-watch.mjs";
import { noticeParts } from "./page-messages.mjs";
import { PlanView } from "./plan-view.mjs";
import { forgetSharedAnswers, hasSharedAnswers, shareLink, sharedAnswers } from "./share-link.mjs";
import { wording } from "./wording.mjs";

const INITIAL_STATE = Object.freeze({
  ...ENGINE_STATE, // the engine: engine, slowStart, problem (engine-watch.mjs)
  view: "form", // "form" or "plan"
  waiting: false, // a plan was asked for and is not on screen yet
  answers: {}, // the form's answers when a plan was last asked for (or restored)
  result: null, // the last plan: the engine's reply's result
  errors: null, // the engine's messages for the last answers sent, by question id
  notice: null, // a notice about the answers: {key, items}
  focus: null, // what takes focus once this state is shown (then forgotten)
});

let stopPrevious = () => {};

/** Start the builder in `root` (Material's instant navigation may call this once per visit). */
export function startPlanBuilder(root) {
  stopPrevious();
  const lifetime = new AbortController();
  stopPrevious = () => lifetime.abort();
  new PlanBuilder(root, lifetime.signal).start();
}

class PlanBuilder {
  constructor(root, signal) {
    this.root = root;
    this.signal = signal;
    this.text = wording(root.dataset.i18n);
    this.form = root.querySelector("[data-plan-form]");
    this.status = root.querySelector("[data-engine-status]");
    this.alert = root.querySelector("[data-engine-problem]");
    this.notice = root.querySelector("[data-answers-notice]");
    this.result = root.querySelector("[data-plan-result]");
    // The error summary goes first in the page's main content, above the page heading.
    this.main = root.closest("article") ?? document.querySelector("main") ?? root;
    this.store = answersStore(questionnaireVersion(this.form));
    this.planView = new PlanView(this.result, this.text, signal);
    this.state = INITIAL_STATE;
    this.watcher = new EngineWatch(this);
    this.latestRequest = 0; // numbers plan requests, so only the latest one is shown
    this.asking = false; // a plan request is with the engine
  }

  start() {
    limitDates(this.form, this.signal);
    markRevealingAnswers(this.form);
    this.showStorageKind();
    this.wireForm();
    this.on(this.result.querySelector("[data-change-answers]"), "click", () =>
      this.update({ view: "form", focus: "form" }),
    );
    this.on(this.root.querySelector("[data-delete-answers]"), "click", () => this.deleteAnswers());
    this.on(window, "hashchange", () => hasSharedAnswers() && this.openSharedLink());
    this.watcher.follow();
    if (hasSharedAnswers()) this.openSharedLink();
    else this.restoreSaved();
  }

  on(target, type, handler) {
    target.addEventListener(type, handler, { signal: this.signal });
  }

  // --- the state --------------------------------------------------------------------------

  update(changes) {
    if (this.signal.aborted || !this.root.isConnected) return;
    const previous = this.state;
    this.state = Object.freeze({ ...previous, ...changes });
    this.render(previous, this.state);
    if (this.state.view !== previous.view || changes.answers) {
      this.store.save(this.state.answers, this.state.view);
    }
    if (this.state.focus) this.state = Object.freeze({ ...this.state, focus: null });
  }

  render(previous, state) {
    // A live region re-announces text set again, even unchanged: set it only when it changes.
    const status = this.text(`status.${engineStatus(state)}`);
    if (this.status.textContent !== status) this.status.textContent = status;
    this.status.dataset.state = state.engine; // for styles and the benchmark, never read here
    if (state.problem !== previous.problem) this.renderProblem(state.problem);
    if (state.errors !== previous.errors) {
      if (state.errors) showErrors(this.errorsTarget(state.errors));
      else clearErrors(this.errorsTarget());
    }
    if (state.result !== previous.result && state.result) {
      this.planView.show(state.result, shareLink(askedAnswers(this.form, state.answers)));
    }
    this.form.hidden = state.view !== "form";
    this.result.hidden = state.view !== "plan";
    if (state.notice !== previous.notice) this.renderNotice(state.notice);
    if (state.focus) this.focus(state.focus);
  }

  errorsTarget(errors = {}) {
    return { form: this.form, errors, main: this.main, text: this.text };
  }

  focus(target) {
    const element = {
      plan: () => this.planView.heading(),
      form: () => this.root.querySelector("[data-form-heading]"),
      errors: () => this.main.querySelector("[data-error-summary]"),
      problem: () => this.alert.querySelector("[data-problem]"),
      status: () => this.status,
    }[target]();
    element?.focus();
  }

  renderProblem(problem) {
    this.watcher.renderProblem(this.alert, this.root, this.text, problem);
  }

  renderNotice(notice) {
    this.notice.replaceChildren(...(notice ? noticeParts(this.text, notice) : []));
  }

  showNotice(key, items = []) {
    this.update({ notice: { key, items } });
  }

  // --- the engine --------------------------------------------------------------------------

  get engine() {
    return this.watcher.engine;
  }

  engineReady() {
    // A plan asked for while the engine was down is asked again once a new one is ready.
    if (this.state.waiting && !this.asking) this.buildPlan();
  }

  // --- the form ----------------------------------------------------------------------------

  wireForm() {
    const save = () => this.store.save(readAnswers(this.form), this.state.view);
    this.on(this.form, "change", (event) => {
      untickConflicts(event.target);
      this.revealQuestions({ pickNumber: true });
      save();
    });
    this.on(this.form, "input", save);
    this.on(this.form, "submit", (event) => {
      event.preventDefault();
      this.update({ notice: null }); // earlier notices are about answers now being sent
      this.buildPlan();
    });
  }

  /**
   * Show the questions the answers call for. With `pickNumber` (the person has just answered),
   * a fair test number revealed empty is picked at random; answers put back from storage or a
   * link are left as they were.
   */
  revealQuestions({ pickNumber = false } = {}) {
    const revealed = revealAsked(this.form, readAnswers(this.form));
    const seed = seedQuestionIn(revealed);
    if (pickNumber && seed) pickNumberIfEmpty(seed);
  }

  /** Put answers into the form (see writeAnswers) and show the questions they call for. */
  putAnswers(answers) {
    const notRestored = writeAnswers(this.form, answers);
    this.revealQuestions();
    return notRestored;
  }

  async buildPlan() {
    const answers = readAnswers(this.form);
    const number = ++this.latestRequest;
    this.update({ answers, waiting: true });
    if (this.engine.state === "failed") {
      this.update({ focus: "problem" });
      return;
    }
    let reply;
    this.asking = true;
    try {
      const asked = askedAnswers(this.form, answers);
      reply = await this.engine.request({ action: "plan", answers: asked });
    } catch {
      return; // the engine failed: its alert says so, and a new engine is asked again
    } finally {
      if (number === this.latestRequest) this.asking = false;
    }
    if (number !== this.latestRequest) return; // superseded by a later request, or deleted
    if (reply.ok) {
      this.update({ waiting: false, result: reply.result, errors: null, view: "plan", focus: "plan" });
    } else if (Object.keys(reply.errors).length) {
      this.update({ waiting: false, errors: reply.errors, view: "form", focus: "errors" });
    } else {
      this.update({ waiting: false, problem: { crashed: true, detail: reply.error } });
    }
  }

  // --- saved answers and share links -------------------------------------------------------

  showStorageKind() {
    const persistent = this.store.persistent;
    this.root.querySelector("[data-saved-persistent]").hidden = !persistent;
    this.root.querySelector("[data-saved-memory]").hidden = persistent;
  }

  restoreSaved() {
    // Anything answered before this script ran (a slow phone) wins over older saved answers.
    if (Object.values(readAnswers(this.form)).some(isAnswered)) {
      this.revealQuestions({ pickNumber: true }); // typed, not restored: as if just answered
      this.update({ answers: readAnswers(this.form) });
      return;
    }
    const saved = this.store.load();
    if (saved.state === "unreadable") this.showNotice("unreadable");
    if (saved.state !== "current" && saved.state !== "stale") return;
    const notRestored = this.putAnswers(saved.answers);
    if (saved.state === "stale") this.checkStaleAnswers(saved, notRestored);
    else if (saved.view === "plan") this.buildPlan();
    else this.update({ answers: readAnswers(this.form) });
  }

  /**
   * Answers saved under an older questionnaire: the engine's `validate` says which no longer
   * fit, and those are removed (with a notice naming their questions) rather than trusted.
   */
  async checkStaleAnswers(saved, notRestored) {
    const restored = readAnswers(this.form);
    let reply;
    try {
      const asked = askedAnswers(this.form, restored);
      reply = await this.engine.request({ action: "validate", answers: asked });
    } catch {
      return; // no engine: the answers stay, and the engine checks them when it can
    }
    if (this.signal.aborted) return;
    const rejected = Object.keys(reply.errors).filter((id) => isAnswered(restored[id]));
    const current = readAnswers(this.form);
    const kept = { ...current };
    for (const id of rejected) {
      // Only what came from storage is removed, never what the person has typed since.
      if (JSON.stringify(current[id]) === JSON.stringify(restored[id])) delete kept[id];
    }
    this.putAnswers(kept);
    this.update({ answers: readAnswers(this.form) });
    const dropped = [...new Set([...notRestored, ...rejected])];
    if (dropped.length) this.showNotice("stale", this.questionLabels(dropped));
    else if (saved.view === "plan") this.buildPlan();
  }

  questionLabels(ids) {
    const labels = [];
    let unknown = false;
    for (const id of ids) {
      const question = questionElements(this.form).find((q) => q.dataset.question === id);
      const label = question?.querySelector("legend, label");
      if (label) labels.push(label.textContent.trim());
      else unknown = true;
    }
    if (unknown) labels.push(this.text("notice.removedQuestion"));
    return labels;
  }

  openSharedLink() {
    const answers = sharedAnswers();
    forgetSharedAnswers(); // out of the address bar: a reload must not undo later changes
    if (answers === null) {
      this.showNotice("badLink");
      this.restoreSaved();
      return;
    }
    this.putAnswers(answers);
    this.update({ errors: null });
    this.buildPlan();
  }

  deleteAnswers() {
    this.latestRequest++; // a plan still on its way is not shown
    this.asking = false;
    this.putAnswers({});
    this.update({
      answers: {},
      waiting: false,
      result: null,
      errors: null,
      view: "form",
      notice: { key: "deleted", items: [] },
    });
    this.store.clear();
  }
}

function isAnswered(answer) {
  return Array.isArray(answer) ? answer.length > 0 : answer !== undefined && answer !== "";
}
