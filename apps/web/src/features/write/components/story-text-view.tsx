import ReplayRounded from '@mui/icons-material/ReplayRounded';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { splitChapters } from '@storyos/domain';
import { memo, useEffect } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { READING_FONT } from '../../../lib/theme';

/** Headings inside a chapter sit below the chapter's own (h3), so the page outline has no jumps. */
const components: Components = {
  h1: ({ children }) => <h4>{children}</h4>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h4>{children}</h4>,
  // Links in a story are text, not places to go.
  a: ({ children }) => <span>{children}</span>,
  img: ({ alt }) => <span>{alt}</span>,
};

interface StoryTextViewProps {
  text: string;
  /** Offers "write this chapter again" on each chapter; absent while something is being written. */
  onWriteAgain?: (chapterIndex: number) => void;
  /** Scrolled into view and focused once shown (the chapter a Continue just wrote). */
  focusChapter?: number | null;
  onFocused?: () => void;
}

const chapterHeadingId = (index: number) => `story-chapter-${index}`;

/**
 * The story text as a reader sees it: each `## ` chapter a heading with its
 * paragraphs, emphasis and scene breaks formatted, never raw Markdown. Raw
 * HTML in the text is shown as text, never run.
 */
export const StoryTextView = memo(function StoryTextView({ text, onWriteAgain, focusChapter, onFocused }: StoryTextViewProps) {
  const chapters = splitChapters(text);
  let chapterIndex = -1;

  useEffect(() => {
    if (focusChapter === null || focusChapter === undefined) return;
    const heading = document.getElementById(chapterHeadingId(focusChapter));
    if (!heading) return;
    heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading.focus({ preventScroll: true });
    onFocused?.();
  }, [focusChapter, onFocused]);

  return (
    <Box
      component="article"
      aria-label="Story text"
      data-testid="story-text"
      sx={{
        fontFamily: READING_FONT,
        fontSize: '1.05rem',
        lineHeight: 1.7,
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        p: { xs: 2, sm: 3 },
        minHeight: 160,
        overflowWrap: 'anywhere',
        bgcolor: 'background.paper',
        '& p': { my: 1.25 },
        '& hr': { border: 0, textAlign: 'center', my: 2, '&::after': { content: '"⁂"', color: 'text.secondary' } },
        '& blockquote': { borderLeft: 3, borderColor: 'divider', m: 0, pl: 2, color: 'text.secondary' },
      }}
    >
      {chapters.map((chapter) => {
        if (chapter.title !== null) chapterIndex += 1;
        const index = chapterIndex;
        return (
          <Box component="section" key={`${index}-${chapter.title ?? 'before'}`} aria-labelledby={chapter.title !== null ? chapterHeadingId(index) : undefined} sx={{ '& + &': { mt: 3 } }}>
            {chapter.title !== null && (
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
                <Typography id={chapterHeadingId(index)} variant="h5" component="h3" tabIndex={-1} sx={{ fontFamily: READING_FONT, flexGrow: 1, scrollMarginTop: 80, outline: 'none' }}>
                  {chapter.title}
                </Typography>
                {onWriteAgain && (
                  <Tooltip title="Write this chapter again">
                    <IconButton size="small" aria-label={`Write chapter ${index + 1} again`} onClick={() => onWriteAgain(index)}>
                      <ReplayRounded fontSize="small" />
                    </IconButton>
                  </Tooltip>
                )}
              </Stack>
            )}
            <ReactMarkdown components={components} skipHtml>
              {chapter.body}
            </ReactMarkdown>
          </Box>
        );
      })}
    </Box>
  );
});
