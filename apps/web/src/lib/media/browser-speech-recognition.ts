/** The part of the Web Speech API used here; TypeScript's DOM library does not declare it (Chromium and Safari prefix it with webkit). */
interface SpeechRecognitionLike {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { resultIndex: number; results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start: () => void;
  stop: () => void;
  abort: () => void;
}
type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

function recognitionConstructor(): SpeechRecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as { SpeechRecognition?: SpeechRecognitionConstructor; webkitSpeechRecognition?: SpeechRecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

export const canRecognizeSpeech = (): boolean => recognitionConstructor() !== null;

/** Why the browser's recognition stopped, in words for the user. */
const ERRORS: Record<string, string> = {
  'not-allowed': 'The microphone is blocked. Allow it in the browser’s site settings.',
  'service-not-allowed': 'The browser’s speech recognition is turned off.',
  'no-speech': 'No speech was heard. Try again, a little closer to the microphone.',
  network: 'The browser’s speech recognition needs a network connection.',
  'audio-capture': 'No microphone was found.',
};

/** A listening session: `stop()` ends it and hands back what was heard; `cancel()` drops it. */
export interface Listening {
  stop: () => Promise<string>;
  cancel: () => void;
}

/**
 * Listens with the browser's own speech recognition (no server needed);
 * `onHeard` gets the words so far while the user speaks.
 */
export function startListening(onHeard: (text: string) => void, lang = navigator.language || 'en-US'): Promise<Listening> {
  const Recognition = recognitionConstructor();
  if (!Recognition) return Promise.reject(new Error('This browser has no speech recognition.'));
  const recognition = new Recognition();
  recognition.lang = lang;
  recognition.interimResults = true;
  recognition.continuous = true;
  let finalText = '';
  let interim = '';
  let failure: string | null = null;
  let ended = false;
  const waiters: (() => void)[] = [];
  recognition.onresult = (event) => {
    interim = '';
    for (let index = event.resultIndex; index < event.results.length; index += 1) {
      const result = event.results[index]!;
      const words = result[0]?.transcript ?? '';
      if (result.isFinal) finalText = `${finalText} ${words}`.trim();
      else interim = `${interim} ${words}`.trim();
    }
    onHeard(`${finalText} ${interim}`.trim());
  };
  recognition.onerror = (event) => {
    if (event.error !== 'aborted') failure = ERRORS[event.error] ?? 'The browser’s speech recognition stopped unexpectedly.';
  };
  recognition.onend = () => {
    ended = true;
    waiters.splice(0).forEach((wake) => wake());
  };
  recognition.start();
  return Promise.resolve({
    stop: () =>
      new Promise<string>((resolve, reject) => {
        const finish = () => (failure && !finalText && !interim ? reject(new Error(failure)) : resolve(`${finalText} ${interim}`.trim()));
        if (ended) return finish();
        waiters.push(finish);
        recognition.stop();
      }),
    cancel: () => recognition.abort(),
  });
}
