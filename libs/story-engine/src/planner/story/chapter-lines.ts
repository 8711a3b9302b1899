import type { StorySetup } from '@storyos/contracts';
import type { ArcStage } from './arc';

/** What happens in a chapter at each point of the arc: two beats, point-of-view placeholders. */
export const STAGE_BEATS: Record<ArcStage, [string[], string[]]> = {
  setup: [
    ['Nothing much ever happened in {place}, or so {i} had always believed.', 'That was the day {element} came into {my} life.', 'It began, as these things often do, with {element}.'],
    ['{I} told {myself} it meant nothing, and did not believe it for a moment.', 'By evening, {i} knew that {theElement} was not going to leave {me} alone.', '{I} could not have said why, but {i} kept going back to {spot}.'],
  ],
  complication: [
    ['But {theElement} was only the beginning.', 'By noon, half of {place} was talking about {theElement}, and nobody was telling the truth.', 'Then a second surprise arrived, worse than the first.'],
    ['{I} went back to {spot} and found that someone had been there first.', 'Every answer {i} found seemed to hide another question.', 'The more {i} asked, the quieter {place} became.'],
  ],
  deepening: [
    ['The more {i} learned about {theElement}, the less {i} understood.', '{I} went over every step again, slowly this time.', 'Someone, {i} was sure of it now, had been there before {me}.'],
    ['At {spot}, {i} found a detail that everyone else had missed.', 'Little by little, the pieces began to fit together.', '{I} wrote down everything {i} knew, and stared at the gaps.'],
  ],
  midpoint: [
    ['Then, all at once, {i} understood what {theElement} really meant.', 'Everything {i} thought {i} knew turned upside down in a single moment.', 'The truth had been in plain sight at {spot} the whole time.'],
    ['Nothing could be the same after that.', 'From that moment on, there was no going back.', '{I} sat very still and let the shock settle.'],
  ],
  crisis: [
    ['Everything {i} had built came apart at once.', 'It was the longest night of {my} life.', 'There was no one left to ask and nowhere left to hide.'],
    ['{I} stood alone at {spot} and made {myself} keep going.', 'For a moment, {i} almost gave up.', 'If there was a way through, {i} could not see it yet.'],
  ],
  resolution: [
    ['At last, {i} went back to {spot}, where it had all begun.', 'It was time to face {theElement}, once and for all.', 'The end, when it came, came quickly.'],
    ['{I} took a deep breath and stepped forward.', 'Everything that had happened led to this moment.', '{I} said the thing {i} had been afraid to say.'],
  ],
  epilogue: [
    ['Months later, {place} looked almost the same as it always had.', 'Time passed, as time does.', 'The seasons turned, and {place} turned with them.'],
    ['{I} still walked past {spot} most evenings.', 'People in {place} still told the story, though they told it wrong.', '{I} kept {thing} on the shelf by the window.'],
  ],
};

type Ending = StorySetup['endingPreference'];

/** The final chapter's closing lines; the first of each is always written, so the ending is unmistakable. */
export const ENDING_LINES: Record<Ending, string[]> = {
  Happy: ['When the sun rose over {place}, {i} {was} home at last, and everyone {i} loved was safe.', '{I} laughed, and {other} laughed too, and for once the whole of {place} seemed to laugh along.', 'It had been worth it, every moment of it.'],
  Tragic: ['{I} never saw {other} again.', 'The price had been everything, and {i} had paid it.', 'In {place}, the lights went out one by one, and {i} {was} left alone with all that had been lost.'],
  'Open-ended': ['Whether it was an ending or a beginning, {i} could not yet say.', 'The road out of {place} lay open, and {i} did not know where it led.', 'Somewhere, a door stood open, waiting.'],
  Twist: ['And then {i} saw it: {other} had been behind {theElement} from the very start.', 'Every clue had pointed there all along, and {i} had simply refused to look.', '{I} laughed once, quietly, at how blind {i} had been.'],
  Bittersweet: ['{I} had won, but {place} would never feel quite the same.', '{I} smiled through the tears and let {other} go.', 'Some things can only be kept by letting them go.'],
};

/** Twist without another character: the answer was the protagonist's own. */
export const SOLO_TWIST = 'And then {i} saw it: the answer had been in {my} own hands from the very start.';

export const RECAPS = ['After everything that had happened, {i} could not sit still.', '{I} had barely slept since the last time.', '{I} kept turning it all over, again and again.', 'The next days passed in a blur, until they did not.'];

export const FINDS = ['Near {spot}, {i} found {thing}.', 'Tucked into a corner, {i} noticed {thing}.', '{I} almost missed it: {thing}, lying in plain sight.'];

/** Third Person Omniscient: the narrator knows what the protagonist cannot. */
export const OMNISCIENT = ['Across {place}, {other} was thinking the very same thing, and hating it.', 'What nobody knew, not even {other}, was how close the answer already lay.', 'Far from {spot}, someone else was watching, and smiling.'];

/** Who appears when the setup names only the protagonist. */
export const STRANGERS = ['a stranger in a grey coat', 'an old neighbour', 'a quiet traveller'];
