import type { CreateScenarioRequest } from '@storyos/contracts';

export interface DemoScenario extends Required<Omit<CreateScenarioRequest, 'visibility'>> {
  /** Stable across releases, so seeding again finds the scenario instead of adding a copy. */
  seedKey: string;
}

/** The public scenarios every StoryOS ships with: distinct tones, named people and places. */
export const DEMO_SCENARIOS: DemoScenario[] = [
  {
    seedKey: 'demo:lanternwick',
    name: 'The Lamplighter of Lanternwick',
    description: 'A cozy mystery in a hillside town where every lantern holds a small, sleepy spirit — and tonight one of them has gone missing.',
    setting:
      'Lanternwick is a hillside town of crooked stairs and slate roofs above the Amberflow river. Each evening the lamplighter climbs the Hundred Steps and wakes the lantern spirits, small glowing creatures who keep the streets warm. Old Marigold Pell runs the Copper Kettle tea house and knows every rumour. Tobias Fenn, the clockmaker on Ribbon Lane, has not slept in three days. Pip, a lantern spirit no bigger than a thimble, was last seen near the Moss Bridge. The town council meets in the Round Hall beneath the great bell.',
    narratorBehavior:
      'Warm, gentle and unhurried. Describe smells, light and small kindnesses. Let townsfolk speak in their own voices. Clues come in threes; nothing truly frightening happens, and every problem has a kind solution.',
    playerName: 'Wren',
    playerRole: 'the new lamplighter of Lanternwick',
    initialLocation: 'the foot of the Hundred Steps',
    tone: 'cozy',
    contentRating: 'all-ages',
  },
  {
    seedKey: 'demo:saltglass',
    name: 'Saltglass Lighthouse',
    description: 'A mysterious tale on a storm-bound island where the lighthouse lamp shows ships that sank a hundred years ago.',
    setting:
      'Saltglass is a rocky island three hours by boat from the fishing town of Harrowby. Its lighthouse has stood since 1821; its lens was ground from sea glass and, on stormy nights, it shows ships that are no longer there. Keeper Agnes Thorne kept the light for forty years and vanished last winter, leaving her logbook open at an unfinished sentence. Elias Crane, the boatman, brings supplies every Thursday and will not set foot on the island after dark. The old chapel on the north cliff has a bell with no rope.',
    narratorBehavior:
      'Quiet, atmospheric and precise. Build unease through detail — sounds, weather, things slightly out of place. Reveal the mystery slowly; every answer should raise a sharper question. Never explain the supernatural outright.',
    playerName: 'Iris Vale',
    playerRole: 'the relief keeper sent to Saltglass',
    initialLocation: 'the landing stage below the lighthouse',
    tone: 'mysterious',
    contentRating: 'teen',
  },
  {
    seedKey: 'demo:emberfall',
    name: 'The Siege of Emberfall',
    description: 'A heroic fantasy: the mountain fortress of Emberfall must hold for three days against the Ashen Host until the dragon-riders arrive.',
    setting:
      'Emberfall is a fortress carved into the flank of Mount Caldris, guarding the only pass into the Vale of Sunreach. The Ashen Host, led by the warlord Varek the Grey, has burned every village from the Ironwood to the river Sel. Inside the walls: Captain Hale Brannock, scarred and stubborn; Seren Ashdown, a young mage who can call lightning but not yet control it; and Brother Odo, keeper of the old granary and older secrets. The Queen\'s dragon-riders are three days away. The eastern gate is cracked.',
    narratorBehavior:
      'Bold and vivid, with momentum. Give the player real choices with consequences, moments of courage and camaraderie, and battles told through sound and motion rather than gore. End each reply on a decision or a turn of fortune.',
    playerName: 'Aldric',
    playerRole: 'a knight-errant who arrived at Emberfall the night before the siege',
    initialLocation: 'the battlements above the eastern gate',
    tone: 'heroic',
    contentRating: 'teen',
  },
  {
    seedKey: 'demo:brasswick',
    name: 'The Great Brasswick Bake-Off',
    description: 'A humorous romp: a royal baking contest, a sabotaged oven, a goose with opinions and a judge who hates raisins.',
    setting:
      'Brasswick is a market town famous for its pies and its feuds. Once a year the Duchess Philippa Crumbworth judges the Great Bake-Off in the marquee on Cobble Green. This year the favourite is Barnaby Trundle, six-time champion and notorious cheat. Your aunt Hester\'s secret recipe book has been stolen. Admiral Honk, a goose belonging to nobody, wanders the green and steals anything shiny. The ovens are powered by a steam engine that the town engineer, Millie Sprocket, swears is "mostly safe".',
    narratorBehavior:
      'Playful and quick, with comic timing. Let plans go wrong in funny ways, give side characters big personalities, and keep it light. Puns are allowed; cruelty is not.',
    playerName: 'Dot Pudding',
    playerRole: 'a nervous first-time contestant baking in her aunt\'s name',
    initialLocation: 'the contestants\' tent on Cobble Green',
    tone: 'humorous',
    contentRating: 'all-ages',
  },
  {
    seedKey: 'demo:hollow-orbit',
    name: 'Hollow Orbit',
    description: 'A tense science-fiction thriller aboard a mining station that has gone silent above a frozen moon.',
    setting:
      'Kepler Deep is a helium-3 mining station orbiting Thessaly, an ice moon of a gas giant in the Varuna system. Thirty-one crew; the station went silent nine hours ago. The station AI, called MOTHER, answers politely and will not open the core. Chief engineer Dana Okafor is barricaded in hydroponics. Dr. Lucas Meyer, the medic, insists everyone is fine. Someone vented Cargo Bay 3. The rescue shuttle has fuel for one return trip, and it leaves in six hours.',
    narratorBehavior:
      'Tight, present-tense urgency. Short sentences when danger is near. Track time and resources; let the crew disagree and lie. Keep violence off-screen and the tension in choices, clocks and sounds in the dark.',
    playerName: 'Sam Reyes',
    playerRole: 'the pilot of the rescue shuttle Halcyon',
    initialLocation: 'the docking ring of Kepler Deep',
    tone: 'tense',
    contentRating: 'teen',
  },
];
