/** What `partnership new` writes where a fact is needed; the placeholders check rejects it anywhere in the data. */
export const PLACEHOLDER = 'TODO';
