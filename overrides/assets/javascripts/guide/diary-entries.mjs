// "Change or delete a night": one list of the logged nights, newest first, and its two
// buttons. A list rather than a button per night, so a year of nights stays one control.

export class DiaryEntries {
  constructor(root) {
    this.part = root.querySelector("[data-nights]");
    this.choice = this.part.querySelector("[data-night-choice]");
    this.changeButton = this.part.querySelector("[data-change-night]");
    this.deleteButton = this.part.querySelector("[data-delete-night]");
  }

  /** Show the nights of `entries` (in night order), keeping the chosen one if it is still there. */
  show(entries) {
    const chosen = this.choice.value;
    const options = entries
      .map((entry) => new Option(entry.night, entry.night))
      .reverse();
    this.choice.replaceChildren(...options);
    if (entries.some((entry) => entry.night === chosen)) this.choice.value = chosen;
    this.part.hidden = entries.length === 0;
  }

  chosen() {
    return this.choice.value;
  }
}
