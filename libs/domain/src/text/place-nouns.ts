/**
 * Nouns that name a place someone can be in ("the lamp room", "the old
 * well", "the docking ring"). A destination must end in one of these or be
 * a proper name: "go to the pile" or "walk to the sword" does not move you.
 */
export const PLACE_NOUNS: ReadonlySet<string> = new Set(
  (
    'room rooms hall halls chamber chambers cellar cellars attic kitchen pantry library study office bedroom parlour parlor lobby corridor hallway passage ' +
    'passageway stair stairs staircase stairway steps landing balcony terrace roof rooftop rooftops tower towers turret keep dungeon crypt vault vaults tomb ' +
    'chapel church temple shrine abbey monastery cathedral altar nave belfry gate gates gatehouse wall walls battlements rampart ramparts courtyard yard ' +
    'garden gardens orchard greenhouse hydroponics field fields meadow farm barn stable stables mill bakery shop store market marketplace square plaza ' +
    'street streets lane alley road roads path paths trail track bridge bridges ford crossing river riverbank bank stream creek lake pond pool shore ' +
    'beach coast cove bay harbour harbor port dock docks pier quay jetty wharf boat ship deck hold cabin cockpit bridge galley shuttle airlock hangar ' +
    'ring module core reactor lab laboratory station base outpost camp campsite tent marquee pavilion stage arena inn tavern pub bar cafe café ' +
    'house cottage hut cabin manor mansion castle palace fortress fort citadel town village city hamlet district quarter ward bazaar well ' +
    'spring cave caves cavern grotto tunnel tunnels mine mines shaft pit quarry forest woods wood grove clearing glade jungle swamp marsh bog ' +
    'moor heath hill hills hillside mountain mountains peak summit ridge cliff cliffs cliffside ledge valley vale canyon gorge pass desert dunes ' +
    'island isle islet reef lighthouse beacon headland point cape plain plains steppe tundra glacier ice sea ocean waterfront waters edge ' +
    'gallery museum school academy college university hospital infirmary clinic ward prison cell jail barracks armoury armory forge smithy ' +
    'workshop warehouse storeroom storehouse granary cistern sewer sewers catacombs ruins ruin camp graveyard cemetery churchyard ' +
    'council chambers throne throneroom court courtroom kitchens scullery bathhouse baths mess canteen bunkroom quarters berth lounge ' +
    'platform stop terminal observatory dome bunker trench outskirts gateway entrance exit doorway threshold foyer porch veranda backyard '
  ).split(/\s+/),
);
