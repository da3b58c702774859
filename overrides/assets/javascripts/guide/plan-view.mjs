// Shows the engine's plan, the way to its sleep diary, and the ways to keep it: print, a
// calendar file, a link. The plan's HTML comes from the engine, which escapes every piece of
// text it puts in it.

export class PlanView {
  #calendarURL = null;

  /** `result` is the server-rendered result area, with the wording of its buttons. */
  constructor(result, text, signal) {
    this.result = result;
    this.text = text;
    this.body = result.querySelector("[data-plan-body]");
    result.querySelector("[data-print]").addEventListener("click", () => window.print(), { signal });
    const copy = result.querySelector("[data-copy-link]");
    copy.addEventListener("click", () => this.copyLink(), { signal });
    this.download = result.querySelector("[data-calendar-download]");
    this.download.addEventListener("click", () => this.downloadCalendar(), { signal });
    // The diary page, from this page's address, so the link works under any site path.
    for (const link of result.querySelectorAll("[data-diary-href]")) {
      link.href = new URL(link.dataset.diaryHref, document.baseURI).href;
    }
  }

  /** Fill the result area with a plan (the engine's result: {plan, html, ics}) and its link. */
  show({ plan, html, ics }, link) {
    this.body.innerHTML = html;
    labelTableCells(this.body);
    // A fair test needs the diary: a section of its own. Any other plan: a quieter line.
    const diary = plan.fair_test?.available ? "fair_test" : "any_plan";
    for (const offer of this.result.querySelectorAll("[data-diary-link]")) {
      offer.hidden = offer.dataset.diaryLink !== diary;
    }
    const calendar = this.result.querySelector("[data-calendar]");
    if (this.#calendarURL) URL.revokeObjectURL(this.#calendarURL);
    this.#calendarURL = ics
      ? URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }))
      : null;
    calendar.hidden = this.#calendarURL === null; // the plan itself says why there is none
    this.result.querySelector("[data-share-link]").value = link;
    this.result.querySelector("[data-copy-status]").textContent = "";
  }

  /**
   * Save the calendar file. It is a button, since it acts rather than goes somewhere; the link
   * that saves the file is never put in the page, so no page script (Material's instant
   * navigation) takes its click for a navigation.
   */
  downloadCalendar() {
    if (!this.#calendarURL) return;
    const link = document.createElement("a");
    link.href = this.#calendarURL;
    link.download = this.download.dataset.calendarDownload;
    link.click();
  }

  /** The plan's heading, ready to take focus. */
  heading() {
    const heading = this.body.querySelector("h2, h3") ?? this.body;
    heading.tabIndex = -1;
    return heading;
  }

  async copyLink() {
    const field = this.result.querySelector("[data-share-link]");
    const status = this.result.querySelector("[data-copy-status]");
    let copied;
    try {
      await navigator.clipboard.writeText(field.value);
      copied = true;
    } catch {
      field.select(); // clipboard refused (permissions, older browser): copying by hand is one step
      copied = document.execCommand?.("copy") ?? false;
    }
    status.textContent = this.text(copied ? "copy.copied" : "copy.select");
  }
}

/**
 * Give each cell of the plan's tables the text of its column heading, so narrow screens can
 * show each row as a small card ("Minutes: 10") instead of a table wider than the screen.
 */
export function labelTableCells(container) {
  for (const table of container.querySelectorAll("table")) {
    const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (!headings.length) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, index) => {
        if (headings[index]) cell.dataset.label = headings[index];
      });
    }
    table.dataset.labelled = "";
  }
}
