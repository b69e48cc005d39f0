import type { Scenario, Tlp } from '../exercise/scenario';
import type { RunSummary } from '../workflow/runs';

/** What a delegation sees of its scenario: everything but the injects and the facilitator's notes. */
export type KitScenario = Omit<Scenario, 'injects' | 'facilitatorNotes'>;

/** This installation's identity, as people compare it aloud. */
export interface KeyView {
  readonly fingerprint: string;
  readonly publicKey: string;
}

/** A delegation's kit as the facilitator's console shows it. */
export interface KitStatus {
  readonly kitId: string;
  readonly issuedAt: string;
  readonly sealed: boolean;
  /** The laptop that accepted the kit, learnt from its first return; null until then. */
  readonly laptopFingerprint: string | null;
  readonly lastReturnAt: string | null;
}

export interface IssuedKit {
  readonly delegationId: string;
  readonly delegation: string;
  readonly fileName: string;
  /** Issued before: the same kit (id, salt, codes) with the run as held now. */
  readonly reissued: boolean;
}

/** A release to a delegation whose kit is out: the code the facilitator reads out. */
export interface ReleaseCode {
  readonly delegationId: string;
  readonly delegation: string;
  readonly code: string;
}

export interface OpenedInject {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly openedAt: string;
}

/** A delegation's laptop: the exercise as the delegation sees it. */
export interface WorkspaceSummary {
  readonly runId: string;
  readonly kitId: string;
  readonly exerciseId: string;
  readonly exerciseName: string;
  readonly delegationId: string;
  readonly delegation: string;
  readonly marking: string;
  readonly tlp: Tlp;
  readonly facilitatorFingerprint: string;
  readonly acceptedAt: string;
  readonly injectsSealed: number;
  readonly injectsOpened: number;
}

export interface WorkspaceView extends WorkspaceSummary {
  readonly scenario: KitScenario;
  /** The kit's injects in its order: sealed (null) until their code opens them. */
  readonly injects: readonly { readonly n: number; readonly opened: OpenedInject | null }[];
  readonly run: RunSummary;
  /** This laptop's key, which accepted the kit and signs its returns. */
  readonly laptopFingerprint: string;
  readonly sealedWithPassphrase: boolean;
}

export interface KitOpenResult {
  /**
   * "reopened": this laptop opened the kit before; its workspace is as it was. "updated": the
   * kit issued again brought injects written since (white cards), sealed like the others.
   */
  readonly status: 'opened' | 'reopened' | 'updated';
  /** Sealed injects the workspace gained. */
  readonly added: number;
  readonly workspace: WorkspaceView;
}

export interface UnsealResult {
  readonly workspace: WorkspaceView;
  readonly inject: OpenedInject;
}

/** One file of a collection, in the order they were taken. */
export type CollectOutcome =
  | { readonly file: string; readonly status: 'accepted'; readonly delegation: string; readonly newEvents: number; readonly events: number }
  | { readonly file: string; readonly status: 'unchanged'; readonly delegation: string; readonly reason: string }
  | { readonly file: string; readonly status: 'refused'; readonly problems: readonly string[] };

/** Kits written into the folder the facilitator chose; or the dialog was cancelled. */
export type KitsOutcome = { readonly saved: false } | { readonly saved: true; readonly folder: string; readonly kits: readonly IssuedKit[] };

/** Files chosen in an open dialog and what became of each; or the dialog was cancelled. */
export type OpenManyOutcome<T> = { readonly opened: false } | { readonly opened: true; readonly outcomes: readonly T[] };
