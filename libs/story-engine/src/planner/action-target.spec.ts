import { targetOf } from './action-target';

const cast = [{ name: 'Captain Hale Brannock', epithet: '' }, { name: 'Seren Ashdown', epithet: '' }];

describe('what an action is about', () => {
  it('finds someone in the cast by any of their names', () => {
    expect(targetOf('I ask Seren about the storm', cast, 'Aldric')).toMatchObject({ kind: 'person', member: { name: 'Seren Ashdown' }, known: true });
    expect(targetOf('I follow Hale to the gate', cast, 'Aldric')).toMatchObject({ kind: 'person', member: { name: 'Captain Hale Brannock' } });
  });

  it('finds someone named by what they are, and whether their name is asked', () => {
    expect(targetOf('I ask the stranger her name', cast, 'Aldric')).toEqual({ kind: 'person', member: { name: 'the stranger', epithet: '' }, asksName: true, known: false });
    expect(targetOf('I talk to a guard', cast, 'Aldric')).toMatchObject({ kind: 'person', member: { name: 'the guard' }, asksName: false });
  });

  it('finds the thing an action handles, and how', () => {
    expect(targetOf('I pick up the rusty lantern', cast, 'Aldric')).toEqual({ kind: 'thing', phrase: 'the rusty lantern', verb: 'take' });
    expect(targetOf('examine my sword', cast, 'Aldric')).toEqual({ kind: 'thing', phrase: 'your sword', verb: 'examine' });
    expect(targetOf('I open a small door', cast, 'Aldric')).toEqual({ kind: 'thing', phrase: 'the small door', verb: 'open' });
  });

  it('finds nothing in an action about nobody and nothing', () => {
    expect(targetOf('I wait', cast, 'Aldric')).toBeNull();
    expect(targetOf('look around', cast, 'Aldric')).toBeNull();
  });
});
