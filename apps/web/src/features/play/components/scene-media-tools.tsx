import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { GameMessage } from '@storyos/contracts';
import { IllustrateButton } from '../../../components/media/illustrate-button';
import { ListenButton } from '../../../components/media/listen-button';
import { ScenePicture } from '../../../components/media/scene-picture';
import type { SceneMediaControls } from '../hooks/use-scene-media';

/** Listen and Illustrate under a narrator reply, and the scene's picture once drawn. */
export function SceneMediaTools({ message, media, disabled }: { message: GameMessage; media: SceneMediaControls; disabled: boolean }) {
  const { picture, narration } = media.of(message);
  return (
    <Box>
      <ScenePicture job={picture} onSettled={media.refresh} alt="Picture of this scene" />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ListenButton job={narration} onStart={() => media.start(message.id, 'narration')} onSettled={media.refresh} what="this scene" disabled={disabled} />
        <IllustrateButton job={picture} onStart={(again) => media.start(message.id, 'illustration', again)} what="this scene" disabled={disabled} />
      </Stack>
    </Box>
  );
}
