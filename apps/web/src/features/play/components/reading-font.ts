/** A serif for the narrator's prose: long passages read more easily in it than in the UI's sans-serif. */
export const READING_FONT = '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif';
