import { expect, type Locator, type Page } from '@playwright/test';

/** A session's plan: review first, topics, new practice, the client's summary, private notes. */
export class SessionPlanPage {
  readonly review: Locator;
  readonly topicsSection: Locator;
  readonly topics: Locator;
  readonly newTopic: Locator;
  readonly newPractice: Locator;
  readonly summarySection: Locator;
  readonly summary: Locator;
  readonly notesSection: Locator;
  readonly privateNotes: Locator;
  readonly editButton: Locator;
  readonly backToToday: Locator;
  readonly openSharedView: Locator;
  readonly closeSharedView: Locator;

  constructor(readonly page: Page) {
    this.review = page.getByRole('region', { name: 'Review last week’s practice' });
    this.topicsSection = page.getByRole('region', { name: 'Topics' });
    this.topics = this.topicsSection.getByRole('list', { name: 'Topics' });
    this.newTopic = this.topicsSection.getByRole('textbox', { name: 'New topic' });
    this.newPractice = page.getByRole('region', { name: 'This week’s new practice' });
    this.summarySection = page.getByRole('region', { name: 'Summary for the client' });
    this.summary = this.summarySection.getByRole('textbox', { name: 'Summary for the client' });
    this.notesSection = page.getByRole('region', { name: 'Private notes' });
    this.privateNotes = this.notesSection.getByRole('textbox', { name: 'Private notes' });
    this.editButton = page.getByRole('button', { name: 'Edit', exact: true });
    this.openSharedView = page.getByRole('button', { name: 'Open shared view' });
    this.closeSharedView = page.getByRole('button', { name: 'Close shared view' });
    this.backToToday = page.getByRole('main').getByRole('button', { name: 'Today', exact: true });
  }

  /** The plan's heading: the client's name. */
  heading(clientName: string): Locator {
    return this.page.getByRole('heading', { name: clientName, level: 1 });
  }

  async addTopic(text: string): Promise<void> {
    await this.newTopic.fill(text);
    await this.newTopic.press('Enter');
    await expect(this.newTopic).toHaveValue('');
  }

  /** The topics as they stand, in agenda order. */
  async topicTexts(): Promise<string[]> {
    const boxes = await this.topics.getByRole('textbox').all();
    return Promise.all(boxes.map((box) => box.inputValue()));
  }

  moveUpButton(topic: string): Locator {
    return this.topics.getByRole('button', { name: `Move “${topic}” up` });
  }

  /** The quiet save line of a section ("Saved", "Saving…", "Not saved"). */
  saveStatus(section: Locator): Locator {
    return section.getByRole('status');
  }
}
