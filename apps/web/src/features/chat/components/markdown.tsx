import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';

const components: Components = {
  // Links leave the app in a new tab and carry no referrer; the text is never HTML, so nothing else can run.
  a: ({ href, children }) => (
    <Link href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </Link>
  ),
};

/**
 * Markdown as the assistant writes it: GitHub's flavour, code blocks with
 * highlighting. Raw HTML in the text is shown as text, never run.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <Box
      sx={{
        overflowWrap: 'anywhere',
        '& > :first-of-type': { mt: 0 },
        '& > :last-child': { mb: 0 },
        '& p': { my: 1 },
        '& pre': { p: 1.5, borderRadius: 1, overflowX: 'auto', bgcolor: 'action.hover', fontSize: '0.85rem' },
        '& code': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '0.85em' },
        '& :not(pre) > code': { px: 0.5, borderRadius: 0.5, bgcolor: 'action.hover' },
        '& table': { borderCollapse: 'collapse', display: 'block', overflowX: 'auto' },
        '& th, & td': { border: 1, borderColor: 'divider', px: 1, py: 0.5 },
        '& blockquote': { borderLeft: 3, borderColor: 'divider', m: 0, pl: 2, color: 'text.secondary' },
        // highlight.js token classes, in colours that read on both themes.
        '& .hljs-keyword, & .hljs-selector-tag, & .hljs-built_in': { color: (theme) => (theme.palette.mode === 'dark' ? '#ff7b72' : '#cf222e') },
        '& .hljs-string, & .hljs-attr, & .hljs-template-string': { color: (theme) => (theme.palette.mode === 'dark' ? '#a5d6ff' : '#0a3069') },
        '& .hljs-comment': { color: 'text.secondary', fontStyle: 'italic' },
        '& .hljs-number, & .hljs-literal': { color: (theme) => (theme.palette.mode === 'dark' ? '#79c0ff' : '#0550ae') },
        '& .hljs-title, & .hljs-function': { color: (theme) => (theme.palette.mode === 'dark' ? '#d2a8ff' : '#8250df') },
      }}
    >
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[[rehypeHighlight, { detect: true, ignoreMissing: true }]]} components={components}>
        {text}
      </ReactMarkdown>
    </Box>
  );
});
