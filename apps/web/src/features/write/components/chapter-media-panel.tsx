import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { numberedChapters } from '@storyos/domain';
import { useMemo } from 'react';
import { IllustrateButton } from '../../../components/media/illustrate-button';
import { ListenButton } from '../../../components/media/listen-button';
import { ScenePicture } from '../../../components/media/scene-picture';
import { useChapterMedia } from '../hooks/use-chapter-media';

/**
 * Listen and Illustrate for each chapter of the story (each `## ` heading;
 * a story without headings is one chapter), with each chapter's picture.
 * Numbered as the API and the exports number them.
 */
export function ChapterMediaPanel({ storyId, text, disabled }: { storyId: string; text: string; disabled: boolean }) {
  const media = useChapterMedia(storyId);
  const chapters = useMemo(() => numberedChapters({ text }).flatMap(({ chapter, index }) => (index === null ? [] : [{ title: chapter.title, index }])), [text]);
  if (chapters.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="chapter-media-heading" sx={{ mt: 3 }}>
      <Typography id="chapter-media-heading" variant="h6" component="h2" gutterBottom>
        Pictures and narration
      </Typography>
      <Stack divider={<Divider flexItem />} spacing={1.5}>
        {chapters.map(({ title, index }) => {
          const name = title ?? (chapters.length === 1 ? 'The story' : `Chapter ${index + 1}`);
          const what = title ? `chapter ${index + 1}, ${title}` : chapters.length === 1 ? 'the story' : `chapter ${index + 1}`;
          const { picture, narration } = media.of(index);
          return (
            <Box key={index} component="article" aria-label={name} data-chapter-index={index}>
              <Typography variant="subtitle1" component="h3">
                {name}
              </Typography>
              <ScenePicture job={picture} onSettled={media.refresh} alt={`Picture of ${what}`} />
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <ListenButton job={narration} onStart={() => media.start(index, 'narration')} onSettled={media.refresh} what={what} disabled={disabled} />
                <IllustrateButton job={picture} onStart={(again) => media.start(index, 'illustration', again)} what={what} disabled={disabled} />
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Box>
  );
}
