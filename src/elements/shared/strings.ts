import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../../i18n/locales.js';
import { ALL_STRINGS, hasMessages, loadMessages, type StringsPart } from '../../i18n/translate.js';

/**
 * Which language an element renders in, given the one its report asks for: that language once its
 * strings are loaded (their load starts the moment it is asked for), until then the language the
 * element already shows — or none, and then the element renders nothing rather than message keys.
 */
export class ElementStrings {
  readonly #host: ReactiveControllerHost;
  #wanted: Lang | undefined;
  #parts: readonly StringsPart[] = ALL_STRINGS;
  #shown: Lang | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /**
   * The report asks for `lang`: starts loading the `parts` of its strings the element renders
   * with, and re-renders the host once they are in.
   */
  want(lang: Lang, parts: readonly StringsPart[] = ALL_STRINGS): void {
    this.#wanted = lang;
    this.#parts = parts;
    if (hasMessages(lang, parts)) {
      this.#shown = lang;
      return;
    }
    loadMessages(lang, parts).then(
      () => {
        if (this.#wanted === lang) this.#host.requestUpdate();
      },
      (error: unknown) => {
        console.error(`msg-report: the "${lang}" strings could not be loaded`, error);
      },
    );
  }

  /** The language to render in, `undefined` while none has loaded. */
  get lang(): Lang | undefined {
    return this.#shown;
  }

  /** True once the language asked for is the one rendered. */
  get current(): boolean {
    return this.#wanted !== undefined && this.#shown === this.#wanted;
  }

  /** Resolves once the strings of the language asked for are loaded (rejects if they cannot be). */
  loaded(): Promise<void> {
    return this.#wanted === undefined ? Promise.resolve() : loadMessages(this.#wanted, this.#parts);
  }
}
