import { type TranscriptionAccepted, UPLOAD_FIELD_NAME } from '@storyos/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { authorizedFetch } from '../authorized-fetch';
import { awaitGenerationText } from './await-generation-text';
import { canRecognizeSpeech, type Listening, startListening } from './browser-speech-recognition';
import { mediaCapabilitiesQuery } from './media-capabilities';
import { canRecord, type Recording, startRecording } from './record-audio';

/**
 * server: record with MediaRecorder and have the server's transcription
 * provider write it down; browser: the browser's own speech recognition;
 * none: no way to speak here (the microphone is hidden and says why).
 */
export type VoiceInputMode = 'server' | 'browser' | 'none';
export type VoiceInputState = 'idle' | 'listening' | 'transcribing';

/** Long enough for a turn or an answer; a forgotten microphone stops on its own. */
const MAX_LISTENING_MS = 120_000;

export interface VoiceInput {
  /** null while the server's capabilities are being read. */
  mode: VoiceInputMode | null;
  state: VoiceInputState;
  /** What the browser's recognition has heard so far, while listening. */
  heard: string;
  error: string | null;
  start: () => void;
  /** Ends listening; the transcript goes to `onTranscript`. */
  stop: () => void;
  cancel: () => void;
}

async function transcribe(audio: Blob, signal: AbortSignal): Promise<string> {
  const form = new FormData();
  const extension = audio.type.includes('mp4') ? 'm4a' : audio.type.includes('ogg') ? 'ogg' : 'webm';
  form.append(UPLOAD_FIELD_NAME, audio, `speech.${extension}`);
  const response = await authorizedFetch('/api/media/transcriptions', { method: 'POST', body: form, signal });
  const accepted = (await response.json()) as TranscriptionAccepted;
  return awaitGenerationText(accepted.generationId, signal);
}

/**
 * Speech input for any text box: the server's transcription when it has a
 * provider, else the browser's speech recognition where it exists. The
 * transcript is handed over to be corrected before it is sent.
 */
export function useVoiceInput(onTranscript: (text: string) => void): VoiceInput {
  const capabilities = useQuery(mediaCapabilitiesQuery);
  const mode: VoiceInputMode | null = capabilities.isPending
    ? null
    : capabilities.data?.transcription.provider && canRecord()
      ? 'server'
      : canRecognizeSpeech()
        ? 'browser'
        : 'none';
  const [state, setState] = useState<VoiceInputState>('idle');
  const [heard, setHeard] = useState('');
  const [error, setError] = useState<string | null>(null);
  const session = useRef<{ recording?: Recording; listening?: Listening; abort: AbortController; timer: ReturnType<typeof setTimeout> } | null>(null);
  const onTranscriptRef = useRef(onTranscript);
  useEffect(() => {
    onTranscriptRef.current = onTranscript;
  });

  const finish = useCallback(async () => {
    const current = session.current;
    // Still waiting for the browser to open the microphone: nothing to end yet.
    if (!current || (!current.recording && !current.listening)) return;
    clearTimeout(current.timer);
    setState('transcribing');
    try {
      const text = current.recording ? await transcribe(await current.recording.stop(), current.abort.signal) : await current.listening!.stop();
      if (text.trim()) onTranscriptRef.current(text.trim());
      else setError('No words were heard. Try again.');
    } catch (failure) {
      if (!current.abort.signal.aborted) setError(failure instanceof Error ? failure.message : 'The recording could not be written down.');
    } finally {
      if (session.current === current) session.current = null;
      setHeard('');
      setState('idle');
    }
  }, []);

  const start = useCallback(() => {
    if (session.current || !mode || mode === 'none') return;
    setError(null);
    setHeard('');
    const abort = new AbortController();
    const timer = setTimeout(() => void finish(), MAX_LISTENING_MS);
    const begun: Promise<{ recording?: Recording; listening?: Listening }> = mode === 'server' ? startRecording().then((recording) => ({ recording })) : startListening(setHeard).then((listening) => ({ listening }));
    session.current = { abort, timer };
    setState('listening');
    begun.then(
      (handle) => {
        if (session.current?.abort === abort) Object.assign(session.current, handle);
        else {
          handle.recording?.cancel();
          handle.listening?.cancel();
        }
      },
      (failure: unknown) => {
        clearTimeout(timer);
        session.current = null;
        setState('idle');
        const denied = failure instanceof DOMException && (failure.name === 'NotAllowedError' || failure.name === 'SecurityError');
        setError(denied ? 'The microphone is blocked. Allow it in the browser’s site settings.' : failure instanceof Error ? failure.message : 'The microphone could not be started.');
      },
    );
  }, [mode, finish]);

  const cancel = useCallback(() => {
    const current = session.current;
    if (!current) return;
    session.current = null;
    clearTimeout(current.timer);
    current.abort.abort();
    current.recording?.cancel();
    current.listening?.cancel();
    setHeard('');
    setState('idle');
  }, []);

  useEffect(() => cancel, [cancel]);

  return { mode, state, heard, error, start, stop: () => void finish(), cancel };
}
