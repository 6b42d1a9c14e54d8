import type { HandlerGroup } from '../router';
import type { Scheduler } from '../scheduler/scheduler';
import type { DunningService } from '../services/dunning.service';

export function dunningHandlers(service: DunningService, scheduler: Scheduler): HandlerGroup {
  return {
    'dunning.ladders.list': { run: () => service.laddersList() },
    'dunning.steps.save': { writes: ['dunning_steps', 'activity_log'], run: (p) => service.saveStep(p) },
    'dunning.templates.save': { writes: ['dunning_templates', 'activity_log'], run: (p) => service.saveTemplate(p) },
    'dunning.preview': { run: (p) => service.preview(p) },
    'dunning.assign': { writes: ['dunning_ladders', 'activity_log'], run: (p) => service.assign(p) },
    'dunning.pause': { writes: ['dunning_pauses', 'activity_log'], run: (p) => service.pause(p) },
    'dunning.resume': { writes: ['dunning_pauses', 'activity_log'], run: (p) => service.resume(p) },
    'dunning.pauses.list': { run: (p) => service.listPauses(p) },
    'dunning.runNow': {
      writes: ['dunning_tasks', 'outbox_messages', 'job_runs', 'contacts', 'activity_log'],
      run: async () => ({ runs: await scheduler.runOnce({ force: true }) }),
    },
    'dunning.settings.get': { run: () => service.settingsView() },
    'dunning.settings.save': { writes: ['settings', 'activity_log'], run: (p) => service.saveSettings(p) },
  };
}
