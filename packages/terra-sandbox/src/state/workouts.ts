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

interface PlannedEntry {
  userId: string;
  workout: PlannedWorkout;
}

/** Workout templates and their planned instances. Ids are numeric strings, as Terra's are. */
export class WorkoutStore {
  private readonly templates = new Map<string, WorkoutTemplate>();
  private readonly planned = new Map<string, PlannedEntry>();
  private nextTemplateId = 1024;
  private nextPlannedId = 2048;

  /** Stores a template and returns it with its new id (any client-sent workout_id is ignored). */
  createTemplate(body: Record<string, unknown>): WorkoutTemplate {
    const template: WorkoutTemplate = { ...body, workout_id: String(this.nextTemplateId++) };
    this.templates.set(template.workout_id, template);
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

  /** Deletes one of a user's planned workouts; false when unknown. */
  deletePlanned(userId: string, id: string): boolean {
    if (!this.getPlanned(userId, id)) return false;
    return this.planned.delete(id);
  }
}
