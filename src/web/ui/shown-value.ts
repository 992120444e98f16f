// A controlled field whose typed text is changed before it is kept (digits only, a number) must show
// what is kept at once. React wrote the state's value back into the field after every input; Preact
// re-renders only when the state changes, so a rejected character (a letter in a numeric code) would
// stay on screen while the state does not hold it.

/** Shows `kept` in the field if the field holds other text, and returns it. */
export function showKept(field: HTMLInputElement, kept: string): string {
  if (field.value !== kept) field.value = kept;
  return kept;
}
