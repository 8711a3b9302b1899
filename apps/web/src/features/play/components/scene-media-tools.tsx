import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { ChapterMediaKind, SceneMedia } from '@storyos/contracts';
import { IllustrateButton } from '../../../components/media/illustrate-button';
import { ListenButton } from '../../../components/media/listen-button';
import { ScenePicture } from '../../../components/media/scene-picture';
import type { SceneMediaControls } from '../hooks/use-scene-media';

interface SceneMediaToolsProps {
  messageId: string;
  /** The reply's newest picture and narration (see SceneMediaControls.of). */
  picture: SceneMedia | null;
  narration: SceneMedia | null;
  onStart: SceneMediaControls['start'];
  onSettled: SceneMediaControls['refresh'];
}

/** Listen and Illustrate under a narrator reply, and the scene's picture once drawn. */
export function SceneMediaTools({ messageId, picture, narration, onStart, onSettled }: SceneMediaToolsProps) {
  const start = (kind: ChapterMediaKind, again?: boolean) => onStart(messageId, kind, again);
  return (
    <Box>
      <ScenePicture job={picture} onSettled={onSettled} alt="Picture of this scene" />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ListenButton job={narration} onStart={() => start('narration')} onSettled={onSettled} what="this scene" />
        <IllustrateButton job={picture} onStart={(again) => start('illustration', again)} what="this scene" />
      </Stack>
    </Box>
  );
}
