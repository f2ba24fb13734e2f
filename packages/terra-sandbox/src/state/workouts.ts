import { ChangeSignal } from './change-signal.js';

/** A stored workout template: the request body as sent, plus `workout_id`. */
export type WorkoutTemplate = Record<string, unknown> & { workout_id: string };

/** A planned workout as the list endpoint returns it (PlannedWorkout). */
export interface PlannedWorkout {
  planned_workout_id: string;
  workout_id: string;
  planned_date: string;
  provider_workout_id: string;
  coercion_warnings: string | null;
  created_at: string;
  last_updated_at: string;
  is_external: boolean;
}

/** A planned workout and the user whose calendar it is on. */
export interface PlannedEntry {
  userId: string;
  workout: PlannedWorkout;
}

/** What the data file keeps of the workout store; the counters too, so no id is handed out twice. */
export interface WorkoutsSnapshot {
  templates: WorkoutTemplate[];
  planned: PlannedEntry[];
  nextTemplateId: number;
  nextPlannedId: number;
}

/** Workout templates and their planned instances. Ids are numeric strings, as Terra's are. */
export class WorkoutStore extends ChangeSignal {
  private readonly templates = new Map<string, WorkoutTemplate>();
  private readonly planned = new Map<string, PlannedEntry>();
  private nextTemplateId = 1024;
  private nextPlannedId = 2048;

  /** Stores a template and returns it with its new id (any client-sent workout_id is ignored). */
  createTemplate(body: Record<string, unknown>): WorkoutTemplate {
    const template: WorkoutTemplate = { ...body, workout_id: String(this.nextTemplateId++) };
    this.templates.set(template.workout_id, template);
    this.changed();
    return template;
  }

  /** All templates, oldest first. */
  listTemplates(): WorkoutTemplate[] {
    return [...this.templates.values()];
  }

  /** The template with this id. */
  getTemplate(id: string): WorkoutTemplate | undefined {
    return this.templates.get(id);
  }

  /** Deletes a template and every planned instance of it; false when unknown. */
  deleteTemplate(id: string): boolean {
    if (!this.templates.delete(id)) return false;
    for (const [key, entry] of this.planned) if (entry.workout.workout_id === id) this.planned.delete(key);
    this.changed();
    return true;
  }

  /** Plans a template onto a user's calendar. */
  plan(workoutId: string, userId: string, plannedDate: string, now: string): PlannedWorkout {
    const id = String(this.nextPlannedId++);
    const workout: PlannedWorkout = {
      planned_workout_id: id,
      workout_id: workoutId,
      planned_date: plannedDate,
      provider_workout_id: `prov-${id}`,
      coercion_warnings: null,
      created_at: now,
      last_updated_at: now,
      is_external: false,
    };
    this.planned.set(id, { userId, workout });
    this.changed();
    return workout;
  }

  /** A user's planned workouts with planned_date in `[from, to]` (inclusive, either bound optional). */
  listPlanned(userId: string, from?: string, to?: string): PlannedWorkout[] {
    return [...this.planned.values()]
      .filter((e) => e.userId === userId)
      .map((e) => e.workout)
      .filter(
        (w) => (from === undefined || w.planned_date >= from) && (to === undefined || w.planned_date <= to),
      );
  }

  /** One of a user's planned workouts. */
  getPlanned(userId: string, id: string): PlannedWorkout | undefined {
    const entry = this.planned.get(id);
    return entry && entry.userId === userId ? entry.workout : undefined;
  }

  /** Moves a planned workout to another day; undefined when the user has no such planned workout. */
  reschedule(userId: string, id: string, plannedDate: string, now: string): PlannedWorkout | undefined {
    const workout = this.getPlanned(userId, id);
    if (!workout) return undefined;
    workout.planned_date = plannedDate;
    workout.last_updated_at = now;
    this.changed();
    return workout;
  }

  /** Deletes one of a user's planned workouts; false when unknown. */
  deletePlanned(userId: string, id: string): boolean {
    if (!this.getPlanned(userId, id)) return false;
    this.planned.delete(id);
    this.changed();
    return true;
  }

  /** Everything the store holds, for the data file. */
  snapshot(): WorkoutsSnapshot {
    return {
      templates: this.listTemplates(),
      planned: [...this.planned.values()],
      nextTemplateId: this.nextTemplateId,
      nextPlannedId: this.nextPlannedId,
    };
  }

  /** Puts back what {@link snapshot} saved (loading a data file). */
  restore(saved: WorkoutsSnapshot): void {
    for (const template of saved.templates) this.templates.set(template.workout_id, template);
    for (const entry of saved.planned) this.planned.set(entry.workout.planned_workout_id, entry);
    this.nextTemplateId = Math.max(this.nextTemplateId, saved.nextTemplateId);
    this.nextPlannedId = Math.max(this.nextPlannedId, saved.nextPlannedId);
  }
}
