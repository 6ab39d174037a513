import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

const cached = new WeakSet<MetadataStorage>();

/**
 * class-validator finds a class's rules, inherited ones included, by scanning every decorated class of the
 * process on each `validate` call, nested objects included (typestack/class-validator#2686): 1–2 % of each
 * service's CPU in the profiles, for an answer that only changes when rules are registered. This caches the
 * answer per class and arguments, and drops the whole cache whenever a rule is registered (class definitions,
 * Nest's mapped types), so what every validation sees is exactly what the scan would have found.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const scan = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let byClass = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let answers = byClass.get(target);
    if (!answers) byClass.set(target, (answers = new Map<string, Rules>()));
    let rules = answers.get(key);
    if (!rules) answers.set(key, (rules = scan(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.addValidationMetadata = (metadata) => {
    byClass = new WeakMap();
    register(metadata);
  };
}
