/**
 * Which files `tradecraft lint` checks. Files named explicitly are linted whatever their
 * extension; folders and globs select assessments as the editor does (`*.assessment.md`,
 * Markdown with a `schema:` front-matter key, or the workspace's `tradecraft.files` globs),
 * skipping node_modules and .git.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isAssessment, isMarkdownPath } from '../core/index.js';
import { relativeDisplayPath } from './displayPath.js';
import type { WorkspaceRoots } from './workspaceRoot.js';
import type { WorkspaceSettings } from './workspaceSettings.js';

export interface FileTask {
  absolutePath: string;
  /** As given on the command line, or relative to the current folder. */
  displayPath: string;
  workspaceRoot: string;
  /** The workspace root's settings. */
  settings: WorkspaceSettings;
}

export interface Selection {
  /** Sorted by display path: the order of the report, whatever the number of workers. */
  tasks: FileTask[];
  /** Arguments that are neither a file, a folder nor a glob. */
  missing: string[];
  /** Folders and globs that selected no assessment. */
  empty: string[];
}

const IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Front matter sits at the top; this much text is enough to find its `schema:` key. */
const FRONT_MATTER_WINDOW = 64 * 1024;

export function selectFiles(inputs: readonly string[], cwd: string, roots: WorkspaceRoots): Selection {
  const byPath = new Map<string, FileTask>();
  const missing: string[] = [];
  const empty: string[] = [];
  const add = (absolutePath: string, displayPath: string) => {
    if (byPath.has(absolutePath)) return;
    const workspaceRoot = roots.rootOf(absolutePath);
    byPath.set(absolutePath, { absolutePath, displayPath, workspaceRoot, settings: roots.settingsOf(workspaceRoot) });
  };
  const addAssessments = (input: string, candidates: string[]) => {
    const chosen = candidates.filter((candidate) => {
      const root = roots.rootOf(candidate);
      return isAssessmentFile(candidate, root, roots.settingsOf(root).files);
    });
    if (chosen.length === 0) empty.push(input);
    for (const candidate of chosen) add(candidate, relativeDisplayPath(candidate, cwd));
  };

  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolutePath = path.resolve(cwd, input);
    const stats = statSync(absolutePath, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      addAssessments(input, globSync('**/*', { cwd: absolutePath, absolute: true, dot: true, onlyFiles: true, ignore: IGNORED }).map((file) => path.normalize(file)));
    } else if (stats) {
      add(absolutePath, input);
    } else if (isDynamicPattern(input)) {
      addAssessments(input, globSync(input, { cwd, absolute: true, dot: true, onlyFiles: true, ignore: IGNORED }).map((file) => path.normalize(file)));
    } else {
      missing.push(input);
    }
  }

  const tasks = [...byPath.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { tasks, missing, empty };
}

function isAssessmentFile(absolutePath: string, workspaceRoot: string, fileGlobs: readonly string[]): boolean {
  const relative = relativeDisplayPath(absolutePath, workspaceRoot);
  if (isAssessment(relative, undefined, fileGlobs)) return true;
  return isMarkdownPath(relative) && isAssessment(relative, readHead(absolutePath));
}

function readHead(absolutePath: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, 'r');
    const buffer = Buffer.alloc(FRONT_MATTER_WINDOW);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
