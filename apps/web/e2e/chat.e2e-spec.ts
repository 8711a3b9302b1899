import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { expectNoAxeViolations } from './support/axe';
import { launchBrowser, openPage, PHONE, screenshot } from './support/browser';
import { registerInBrowser } from './support/play';
import { readStackInfo } from './support/stack-info';

/** Holds the next chat reply part-way at the provider, or lets it go on. */
const provider = (action: 'hold' | 'release') => fetch(`${readStackInfo().providerControlUrl}/${action}`, { method: 'POST' });

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const replies = (page: Page): Locator => page.getByRole('article', { name: 'Assistant’s reply' });
const messageBox = (page: Page): Locator => page.getByRole('textbox', { name: 'Message' });

/** Types a message and sends it with Enter, as a user would. */
async function say(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
}

/** The reply has started and then finished: the stop button came and went. */
async function waitForReplyDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Send message' }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-label="Stop the reply"]'), undefined, { timeout: 30_000 });
}

describe('the chat', () => {
  it('explains a guest’s daily limit when it is reached', async () => {
    const page = await openPage(browser);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Continue as guest' }).click();
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Chat' }).first().click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page.getByText('What shall we write?').waitFor();
    await expectNoAxeViolations(page, 'the chat');

    // Enter sends; Shift+Enter only breaks the line.
    await messageBox(page).fill('Hello');
    await messageBox(page).press('Shift+Enter');
    await messageBox(page).pressSequentially('there');
    expect(await messageBox(page).inputValue()).toBe('Hello\nthere');
    await messageBox(page).press('Enter');
    await waitForReplyDone(page);
    for (const text of ['What is a good name for a cat?', 'And for a dog?']) {
      await say(page, text);
      await waitForReplyDone(page);
    }
    await page.getByText('0 of 3 messages left today').waitFor();
    await say(page, 'One more?');
    const limit = page.getByRole('alert').filter({ hasText: 'You have sent 3 messages today, the most a guest account can send in a day.' });
    await limit.waitFor();
    expect(await limit.textContent()).toMatch(/Create an account for more, or come back in/);
    await limit.getByRole('button', { name: 'Create an account' }).waitFor();
    expect(await replies(page).count()).toBe(3);
    await screenshot(page, 'chat-guest-limit');
    await page.context().close();
  });

  it('chats with a picture, resumes a reply after a reload, writes and improves a document, and shares the chat read-only', async () => {
    const page = await openPage(browser);
    await registerInBrowser(page, 'Chat Writer');
    await page.goto('/chat');
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);

    // A picture by the button: previewed, uploaded with progress, then sent with the message.
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toBuffer();
    await page.getByTestId('attach-input').setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('img', { name: 'Preview of harbour.png' }).waitFor();
    await page.getByRole('button', { name: 'Send message' }).isEnabled();
    await messageBox(page).fill('What do you see in my picture of the harbour?');
    await page.waitForFunction(() => !document.querySelector('[aria-label^="Uploading"]'));
    await provider('hold');
    await messageBox(page).press('Enter');
    await page.getByRole('img', { name: 'Attached picture harbour.png' }).waitFor();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const chatUrl = page.url();

    // Reload while the reply is still being written: it picks up and finishes.
    await replies(page).first().getByText('I can’t see pictures with this model').waitFor();
    await replies(page).first().getByText(/The wind|Far below|A bell|You caught|On the stair|The keeper|Out past|The floor/).first().waitFor();
    const before = ((await replies(page).first().textContent()) ?? '').length;
    await page.reload();
    await page.getByRole('button', { name: 'Stop the reply' }).waitFor();
    await replies(page).first().getByText('I can’t see pictures with this model').waitFor();
    await provider('release');
    await waitForReplyDone(page);
    const resumed = (await replies(page).first().textContent()) ?? '';
    expect(resumed).toMatch(/^I can’t see pictures with this model, so I’ll go by your words alone\./);
    expect(resumed.length).toBeGreaterThan(before);
    expect(resumed.split(/(?<=\.) /).length).toBeGreaterThan(5);
    expect(await replies(page).count()).toBe(1);
    await page.getByRole('img', { name: 'Attached picture harbour.png' }).waitFor();

    // A document through the chat: it is written beside the chat as it streams.
    await say(page, 'Write a story about the lighthouse keeper');
    const documentPanel = page.getByRole('region', { name: /^Document: / });
    await documentPanel.waitFor();
    await waitForReplyDone(page);
    await documentPanel.getByText('Version 1 of 1').waitFor();
    await replies(page).nth(1).getByText('I wrote “The Lighthouse Keeper”.').waitFor();

    // Suggestions appear in the document; accepting one makes a new version.
    await say(page, 'How could this be better?');
    await waitForReplyDone(page);
    const mark = documentPanel.getByRole('button', { name: 'Suggestion: A stronger close to the sentence' });
    await mark.waitFor();
    await screenshot(page, 'chat-document-suggestion');
    await mark.click();
    await page.getByRole('dialog', { name: 'Suggestion' }).getByRole('button', { name: 'Accept' }).click();
    await documentPanel.getByText('Version 2 of 2').waitFor();
    await documentPanel.getByRole('button', { name: 'Changes' }).click();
    await documentPanel.getByLabel('Changes from the previous version').getByText('and the night held its breath', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'the chat');

    // Votes and copy on a reply.
    await replies(page).first().getByRole('button', { name: 'Good reply' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-label="Good reply"][aria-pressed="true"]'));

    // Share: public, then the link.
    await page.getByRole('combobox', { name: 'Visibility' }).click();
    await page.getByRole('option', { name: 'Public' }).click();
    await page.getByRole('button', { name: 'Share' }).click();
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toBe(chatUrl);
    await page.getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'chat-desktop');

    // A second user opens the link: they can read, not write.
    const reader = await openPage(browser);
    await registerInBrowser(reader, 'Chat Reader');
    await reader.goto(link);
    await reader.getByText('This chat was shared with you. You can read it, but not write in it.').waitFor();
    await replies(reader).first().getByText('I can’t see pictures with this model').waitFor();
    await reader.getByRole('img', { name: 'Attached picture harbour.png' }).waitFor();
    expect(await messageBox(reader).count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Edit message' }).count()).toBe(0);
    await expectNoAxeViolations(reader, 'the chat');
    await reader.context().close();

    // On a phone the document opens full screen.
    const phone = await openPage(browser, { viewport: PHONE });
    await registerInBrowser(phone, 'Chat Phone');
    await phone.goto('/chat');
    await say(phone, 'Write a poem about the sea');
    const sheet = phone.getByRole('dialog', { name: 'Document' });
    await sheet.waitFor();
    // It covers the chat while the document is written, then shows the stored version.
    await sheet.getByText('Version 1 of 1').waitFor({ timeout: 30_000 });
    await screenshot(phone, 'chat-document-phone');
    await phone.context().close();
    await page.context().close();
  });
});
