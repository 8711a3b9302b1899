import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import PauseRounded from '@mui/icons-material/PauseRounded';
import PlayArrowRounded from '@mui/icons-material/PlayArrowRounded';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import StopRounded from '@mui/icons-material/StopRounded';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IllustratedScene, IllustratedStory } from '@storyos/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { visuallyHidden } from '../../../components/visually-hidden';
import { StoryPicture } from '../components/story-picture';
import { useStoredMediaUrl } from '../offline/use-stored-media-url';
import { SceneText } from './scene-text';
import { sentenceAt, sentenceTimeline } from './sentence-timeline';
import { useNarrationAudio } from './use-narration-audio';
import { usePageTurns } from './use-page-turns';

interface ReaderPageViewProps {
  story: IllustratedStory;
  /** 1-based. */
  page: number;
  onPage: (page: number) => void;
  /** Store what is shown on this device, so an opened story reads offline. */
  store: boolean;
}

function sceneNotice(scene: IllustratedScene): string | null {
  if (scene.textStatus === 'COMPLETED') return null;
  if (scene.textStatus === 'FAILED') return scene.textError ?? 'This page could not be written.';
  return 'This page is being written…';
}

/** One page of the book, its narration, and the buttons (and keys, and swipes) that turn pages or read aloud. */
export function ReaderPageView({ story, page, onPage, store }: ReaderPageViewProps) {
  const scenes = story.scenes;
  const scene = scenes[page - 1];
  const [readToMe, setReadToMe] = useState(false);
  const audioSrc = useStoredMediaUrl(scene?.audioUrl ?? null, store).src;
  const lastPage = scenes.length;

  // The page last asked for, ahead of the render that shows it: two quick key
  // presses turn two pages, not the same one twice.
  const requested = useRef(page);
  useEffect(() => {
    requested.current = page;
  }, [page]);
  const turnBy = (step: number) => {
    const to = requested.current + step;
    if (to < 1 || to > lastPage) return;
    requested.current = to;
    onPage(to);
  };
  const { attach, playing, positionMs, durationMs, play, pause } = useNarrationAudio(audioSrc, readToMe, () => {
    // Read to me: the next page when this one is read; the end of the book stops it.
    if (!readToMe) return;
    if (page < lastPage) turnBy(1);
    else setReadToMe(false);
  });
  const gestures = usePageTurns(
    () => turnBy(-1),
    () => turnBy(1),
  );

  const timeline = useMemo(
    () => (scene ? sentenceTimeline(scene.text, scene.narration.parts, durationMs) : []),
    [scene, durationMs],
  );
  const reading = playing || positionMs > 0 ? sentenceAt(timeline, positionMs) : -1;

  const startReading = () => {
    setReadToMe(true);
    play();
  };
  const stopReading = () => {
    setReadToMe(false);
    pause();
  };

  if (!scene) return <Typography>This story has no pages yet.</Typography>;
  const notice = sceneNotice(scene);
  const narrationLabel = scene.narration.status === 'FAILED' ? 'The narration could not be made.' : 'The narration is on its way…';

  return (
    <Box component="article" aria-labelledby="reader-page-heading" {...gestures} sx={{ touchAction: 'pan-y' }}>
      <Typography component="h2" id="reader-page-heading" sx={visuallyHidden}>{`Page ${page} of ${lastPage}`}</Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={{ xs: 2, md: 4 }} sx={{ alignItems: { md: 'flex-start' } }}>
        <Box sx={{ flex: { md: '0 0 55%' } }}>
          <StoryPicture
            url={scene.imageUrl}
            alt={scene.image.parts[0]?.text || `Picture for page ${page}`}
            store={store}
            pendingLabel={scene.image.status === 'FAILED' ? 'The picture could not be made.' : 'The picture is on its way…'}
          />
        </Box>
        <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
          {notice ? <Typography color="text.secondary">{notice}</Typography> : <SceneText sentences={timeline} reading={reading} />}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
            {readToMe ? (
              <Button variant="contained" startIcon={<StopRounded />} onClick={stopReading}>
                Stop reading
              </Button>
            ) : (
              <Button variant="contained" startIcon={<RecordVoiceOverOutlined />} onClick={startReading} disabled={!audioSrc}>
                Read to me
              </Button>
            )}
            <Button
              variant="outlined"
              startIcon={playing ? <PauseRounded /> : <PlayArrowRounded />}
              onClick={playing ? pause : play}
              disabled={!audioSrc}
            >
              {playing ? 'Pause' : 'Play this page'}
            </Button>
          </Stack>
          {!audioSrc && (
            <Typography variant="body2" color="text.secondary">
              {narrationLabel}
            </Typography>
          )}
        </Stack>
      </Stack>
      <Stack direction="row" component="nav" aria-label="Pages" spacing={2} sx={{ mt: 3, alignItems: 'center', justifyContent: 'space-between' }}>
        <Button startIcon={<ChevronLeft />} onClick={() => turnBy(-1)} disabled={page <= 1} aria-label="Previous page">
          Previous
        </Button>
        <Typography aria-live="polite" sx={{ whiteSpace: 'nowrap' }}>{`Page ${page} of ${lastPage}`}</Typography>
        <Button endIcon={<ChevronRight />} onClick={() => turnBy(1)} disabled={page >= lastPage} aria-label="Next page">
          Next
        </Button>
      </Stack>
      {/* The narration itself; the buttons above drive it. */}
      <audio ref={attach} src={audioSrc ?? undefined} preload="auto" />
    </Box>
  );
}
