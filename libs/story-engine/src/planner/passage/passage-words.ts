/** Word lists the passage picker and the bars share. */

/** Capitalised words that open sentences without naming anyone. */
export const STARTERS = new Set(
  ('The She He They It But Then One A An When After So Suddenly His Her Their There As Every All Soon Now At In On Later Finally ' +
    'Together This That Once Mom Dad Just Inside Outside Some Many Everyone Someone Everything Each Even If Because While Before Meanwhile ' +
    'Slowly Quickly Still Nearby Outside Above Below Behind').split(' '),
);

/** TinyStories starting or ending a tale of its own. */
export const RESTART = /^(?:one day|once upon a time|once|the end|the moral|from that day)\b/i;

/** Present-tense verbs: outside quotes, the model jumping out of the story's past tense. */
export const PRESENT = /\b(?:is|are|am|has|does|doesn['’]t|isn['’]t|aren['’]t|wants|likes|loves|makes|tries|goes|says|sees|thinks|knows|needs|looks|feels|gets|runs|plays|comes)\b/i;

/** TinyStories' own world: words that pull a scene into a nursery, unless the scene has them. */
export const NURSERY = new Set(
  ('park parks toy toys mom mommy dad daddy candy cake cakes ball balls farmer farm truck trucks paw paws school teacher cookie cookies kid kids slide swing swings ' +
    'playground zoo doll dolls teddy bunny puppy kitten kitty birthday lollipop sandbox crayon crayons icecream cream shirt dress bath nap naps bed bedtime ' +
    'boy girl boys girls baby friends princess bear dog dogs cat cats frog duck monkey elephant lion bunny bird birds squirrel fish tail fur pond sandwich pie ' +
    'sweet sweets yummy snack treat treats play played playing fun shop store jar car cars bike bikes garden flower flowers tree trees sun sunny beach sand colors color pink purple').split(' '),
);

/** The kitchen and the toy box: TinyStories reaches for them whatever the story. */
export const FOOD_AND_TOYS = new Set(
  ('food foods eat eats ate eating eaten hungry breakfast lunch dinner snack broccoli banana bananas apple apples carrot carrots soup bread juice milk ' +
    'cheese pizza candy cake cookie cookies pie sandwich icecream vegetables vegetable fruit fruits berries treat treats yummy delicious tasty ' +
    'toy toys ball balls doll dolls teddy blocks kite balloon balloons game games puzzle crayon crayons cups plate bowl spoon').split(' '),
);

/** More of TinyStories' nursery than NURSERY: animals and family. */
export const WRITER_NURSERY = new Set(
  ('cow cows pig pigs sheep horse animals animal bunny mommy daddy mom dad mum grandma grandpa friend friends clown restaurant tummy nap hug hugs hugged ' +
    'little boy girl playground lily tim timmy').split(' '),
);

/** Cheerful words: TinyStories' default mood. */
export const CHEERFUL = /\b(?:party|funny|silly|pretty|cute|proud|happy|happily|excited|exciting|glad|fun|cheerful|smiled?|smiles|hug|hugs|hugged|yummy|giggled?|laughed|played|play|playing|danced?|dancing|sang|sing|singing|cheered|best friends?)\b/i;

export const FEELINGS = new Set(['scared', 'afraid', 'sad', 'angry', 'worried', 'tired', 'sick', 'bad', 'happy', 'excited', 'nervous', 'upset', 'confused', 'lonely', 'brave', 'calm', 'cold', 'quiet', 'surprised']);

/** Irregular past-tense verbs (regular ones end in -ed). */
export const PAST_VERBS = new Set(
  ('was had felt saw heard knew thought found took made went came ran sat stood kept held left got gave told said began brought caught ' +
    'fell froze hid led lost meant met put read rose sent shook slept spoke spent stole struck swore threw understood woke wore wrote could would did drew ' +
    'bit broke chose dug fought flew forgot grew hung lay lit paid rang sang sank shut slid spun stuck swung taught tore won wound').split(' '),
);

/** Adjectives TinyStories piles up ("a big, shiny blue clown"). */
export const ADJECTIVES = new Set(
  ('big small little tiny huge large giant long short tall old new young good bad nice kind mean pretty beautiful ugly shiny sparkly colorful colourful bright dark ' +
    'red blue green yellow pink purple orange white black brown gray grey gold golden silver soft hard hot cold warm wet dry broken scary funny silly happy sad angry ' +
    'strange special magic magical fancy fluffy sticky smooth rough clean dirty loud quiet fast slow strong weak heavy light round square empty full great').split(' '),
);

/** Words a short sentence may say twice without looping. */
export const REPEATABLE = new Set(['the', 'a', 'an', 'and', 'was', 'were', 'to', 'of', 'in', 'on', 'at', 'it', 'he', 'she', 'his', 'her', 'him', 'had', 'that', 'with', 'for', 'but', 'not', 'did', 'so', 'as', 'be', 'been', 'is', 'by', 'from', 'up', 'out', 'too', 'very']);
