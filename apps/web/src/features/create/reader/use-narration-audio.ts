import { useEffect, useRef, useState } from 'react';

export interface NarrationAudio {
  /** Give this to the <audio> element's `ref`. */
  attach: (element: HTMLAudioElement | null) => void;
  playing: boolean;
  /** Where the narration is, in milliseconds. */
  positionMs: number;
  durationMs: number | null;
  play: () => void;
  pause: () => void;
}

interface Progress {
  /** The recording these numbers belong to: a new one starts from zero. */
  src: string | null;
  positionMs: number;
  durationMs: number | null;
}

/**
 * One <audio> for the page's narration. `autoPlay` starts each new recording
 * as soon as it is there (read to me); `onEnded` runs when one finishes.
 */
export function useNarrationAudio(src: string | null, autoPlay: boolean, onEnded: () => void): NarrationAudio {
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [progress, setProgress] = useState<Progress>({ src: null, positionMs: 0, durationMs: null });
  const onEndedRef = useRef(onEnded);
  // Read when a new recording arrives; toggling it later is the buttons' job.
  const autoPlayRef = useRef(autoPlay);
  useEffect(() => {
    onEndedRef.current = onEnded;
    autoPlayRef.current = autoPlay;
  });

  useEffect(() => {
    if (!audio) return;
    const measure = () =>
      setProgress({ src: audio.getAttribute('src'), positionMs: audio.currentTime * 1000, durationMs: Number.isFinite(audio.duration) ? audio.duration * 1000 : null });
    const onPlay = () => setPlaying(true);
    const onStop = () => setPlaying(false);
    const onEnd = () => {
      setPlaying(false);
      setProgress({ src: audio.getAttribute('src'), positionMs: 0, durationMs: null });
      onEndedRef.current();
    };
    const events: [string, () => void][] = [
      ['timeupdate', measure],
      ['loadedmetadata', measure],
      ['play', onPlay],
      ['pause', onStop],
      ['emptied', onStop],
      ['ended', onEnd],
    ];
    for (const [name, listener] of events) audio.addEventListener(name, listener);
    return () => {
      for (const [name, listener] of events) audio.removeEventListener(name, listener);
    };
  }, [audio]);

  // A new page (or its narration landing): play at once when reading aloud.
  useEffect(() => {
    if (audio && src && autoPlayRef.current) void audio.play().catch(() => setPlaying(false));
  }, [audio, src]);

  const current = progress.src === src ? progress : { positionMs: 0, durationMs: null };
  return {
    attach: setAudio,
    playing,
    positionMs: current.positionMs,
    durationMs: current.durationMs,
    play: () => void audio?.play().catch(() => setPlaying(false)),
    pause: () => audio?.pause(),
  };
}
