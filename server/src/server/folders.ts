/** The workspace folders, and which folder (and so which schema search root and settings) a file belongs to. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';

export interface Folder {
  uri: string;
  name: string;
  /** Absolute file-system path. */
  path: string;
}

export class WorkspaceFolders {
  private folders: Folder[] = [];

  all(): readonly Folder[] {
    return this.folders;
  }

  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = [];
    this.add(folders);
  }

  add(folders: readonly WorkspaceFolder[]): void {
    for (const folder of folders) {
      const folderPath = uriToPath(folder.uri);
      if (folderPath === undefined || this.folders.some((known) => known.path === folderPath)) continue;
      this.folders.push({ uri: folder.uri, name: folder.name, path: folderPath });
    }
  }

  remove(folders: readonly WorkspaceFolder[]): Folder[] {
    const removed = this.folders.filter((known) => folders.some((folder) => uriToPath(folder.uri) === known.path));
    this.folders = this.folders.filter((known) => !removed.includes(known));
    return removed;
  }

  /** The folder of a document; buffers that are not files (untitled) belong to the first folder. */
  folderOfUri(uri: string): Folder | undefined {
    const filePath = uriToPath(uri);
    return filePath === undefined ? this.folders[0] : this.folderOf(filePath);
  }

  /** The innermost folder holding the file (multi-root workspaces may nest folders). */
  folderOf(filePath: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (isInside(folder.path, filePath) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }
}

/** The file-system path of a `file:` URI; undefined for other schemes (untitled buffers…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** `/`-separated path of a file relative to a folder (what globs in settings match against). */
export function relativePath(folderPath: string, filePath: string): string {
  return path.relative(folderPath, filePath).split(path.sep).join('/');
}

function isInside(folderPath: string, filePath: string): boolean {
  const relative = path.relative(folderPath, filePath);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
