/** Activities classes for runtime tests: only their static `type` and method names matter here. */
export class Greetings {
  static readonly type = { version: '1', defaults: { startToCloseTimeout: '1m', taskList: 'activities' } };
  async greet(name: string): Promise<string> {
    return `hello ${name}`;
  }
  async shout(text: string): Promise<string> {
    return text.toUpperCase();
  }
  async ping(): Promise<void> {}
}
