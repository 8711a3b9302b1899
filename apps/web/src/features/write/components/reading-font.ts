/** A serif for the story's prose, as Play uses for the narrator: long passages read more easily in it. */
export const READING_FONT = '"Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif';
