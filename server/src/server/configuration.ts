/**
 * Settings per workspace folder. Clients with `workspace/configuration` are asked (scoped to the
 * folder, as the settings are resource-scoped); other clients get the defaults, overlaid with
 * `initializationOptions.settings` and whatever `workspace/didChangeConfiguration` carries.
 */
import type { Connection, DidChangeConfigurationParams } from 'vscode-languageserver';
import { coerceSettings, pushedSection, SETTINGS_SECTION, type TradecraftSettings } from '../settings.js';
import type { Folder } from './folders.js';

export class Configuration {
  private readonly cache = new Map<string, Promise<TradecraftSettings>>();
  private pushed: TradecraftSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canRequest: boolean,
    initialSettings: unknown,
  ) {
    this.pushed = coerceSettings(pushedSection(initialSettings));
  }

  /** Settings for documents in the folder (or outside every folder, when undefined). */
  settingsFor(folder: Folder | undefined): Promise<TradecraftSettings> {
    if (!this.canRequest) return Promise.resolve(this.pushed);
    const key = folder?.uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.request(folder);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Forgets cached settings; clients that push settings send them in the notification. */
  changed(params: DidChangeConfigurationParams | undefined): void {
    this.cache.clear();
    if (!this.canRequest && params) {
      const section = pushedSection(params.settings);
      // Nothing of ours (null, `{}`, or other servers' settings, as some clients send at start-up)
      // leaves the settings as they were, initializationOptions included.
      if (section !== undefined) this.pushed = coerceSettings(section);
    }
  }

  private async request(folder: Folder | undefined): Promise<TradecraftSettings> {
    try {
      const value: unknown = await this.connection.workspace.getConfiguration(folder ? { scopeUri: folder.uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
      return coerceSettings(value);
    } catch (error) {
      this.connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings; using defaults. ${String(error)}`);
      return coerceSettings(undefined);
    }
  }
}
