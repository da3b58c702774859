// The fair test's number (the engine's `fair_test_seed` question): the plan builder picks it at
// random, within the question's limits from content, when the question is revealed empty, so
// a person who chooses a fair test need not invent one. It stays an ordinary field: a number
// typed there, or one restored from saved answers or a link, is never replaced, and anyone can
// type the number of an earlier plan to get the same evenings again.

const SEED_QUESTION = "fair_test_seed"; // the id the engine's contract reads

/** The fair test number's question in `questions`, if it is there. */
export function seedQuestionIn(questions) {
  return questions.find((question) => question.dataset.question === SEED_QUESTION) ?? null;
}

/** Fill an empty fair test number field with a random number; true if it was filled. */
export function pickNumberIfEmpty(question) {
  const input = question.querySelector("input");
  if (input.value.trim() !== "") return false;
  input.value = String(randomWholeNumber(Number(question.dataset.min), Number(question.dataset.max)));
  return true;
}

/**
 * A uniformly random whole number from `min` to `max` (at most 2^32 of them), from the
 * browser's cryptographic generator: Math.random is not meant for choosing at random fairly.
 * Draws that would favour the low numbers are drawn again.
 */
export function randomWholeNumber(min, max, source = globalThis.crypto) {
  const count = max - min + 1;
  const usable = Math.floor(2 ** 32 / count) * count;
  const drawn = new Uint32Array(1);
  do {
    source.getRandomValues(drawn);
  } while (drawn[0] >= usable);
  return min + (drawn[0] % count);
}
