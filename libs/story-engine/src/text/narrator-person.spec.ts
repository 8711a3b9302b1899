import { inNarratorsPerson } from './narrator-person';

const she = { pronoun: 'she' as const };
const he = { pronoun: 'he' as const };

describe('setup text about the protagonist, told by the narrator', () => {
  it('speaks of a first-person narrator as "I", "me" and "my"', () => {
    expect(inNarratorsPerson('Bram, her rival, who distrusts her', she, 'first')).toBe('Bram, my rival, who distrusts me');
    expect(inNarratorsPerson('her oldest friend, who once saved her life', she, 'first')).toBe('my oldest friend, who once saved my life');
    expect(inNarratorsPerson('his brother, who envies him and his luck', he, 'first')).toBe('my brother, who envies me and my luck');
    expect(inNarratorsPerson('a sister she has not seen in years', she, 'first')).toBe('a sister I have not seen in years');
  });

  it('speaks of a second-person narrator as "you" and "your"', () => {
    expect(inNarratorsPerson('Bram, her rival, who distrusts her', she, 'second')).toBe('Bram, your rival, who distrusts you');
    expect(inNarratorsPerson('the mentor she was once apprenticed to', she, 'second')).toBe('the mentor you were once apprenticed to');
  });

  it('reads an unknown pronoun from a description that uses only one', () => {
    expect(inNarratorsPerson('Bram, her rival', { pronoun: null }, 'first')).toBe('Bram, my rival');
    expect(inNarratorsPerson('Bram, who loves her and hates his brother', { pronoun: null }, 'first')).toBe('Bram, who loves her and hates his brother');
  });

  it('leaves third-person stories alone', () => {
    expect(inNarratorsPerson('Bram, her rival', she, 'third')).toBe('Bram, her rival');
  });
});
