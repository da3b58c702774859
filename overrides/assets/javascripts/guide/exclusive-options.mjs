// "None of these" answers (inputs with data-exclusive) cannot be ticked with anything else: as in
// the GOV.UK checkboxes component, ticking one unticks the others. Without JavaScript, or if a
// conflicting pair arrives another way, the engine rejects it with the question's own message.

/** Untick whatever conflicts with the box just ticked; true if anything changed. */
export function untickConflicts(changed) {
  if (changed.type !== "checkbox" || !changed.checked) return false;
  const group = changed.closest("[data-question]");
  if (!group) return false;
  const exclusive = "exclusive" in changed.dataset;
  let unticked = false;
  for (const other of group.querySelectorAll('input[type="checkbox"]:checked')) {
    if (other !== changed && ("exclusive" in other.dataset || exclusive)) {
      other.checked = false;
      unticked = true;
    }
  }
  return unticked;
}
