import {
  IsInt,
  IsString,
  MaxLength,
  MetadataStorage,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  id!: string;
}

class Child {
  @IsInt()
  @Min(1)
  count!: number;
}

class Derived extends Base {
  @MaxLength(3, { groups: ['short'] })
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => Child)
  child!: Child;
}

const problems = (plain: object, groups?: string[]) =>
  validateSync(plainToInstance(Derived, plain), groups ? { groups } : {})
    .flatMap((e) => [e, ...(e.children ?? [])])
    .flatMap((e) => Object.keys(e.constraints ?? {}).map((rule) => `${e.property}: ${rule}`))
    .sort();

describe('cached class-validator metadata', () => {
  const bad = { id: 7, name: 'long name', child: { count: 0 } };
  const good = { id: 'a', name: 'abc', child: { count: 2 } };

  it('finds the same rules as the scan, inherited, nested and grouped ones included', () => {
    const all = () => [problems(bad), problems(bad, ['other']), problems(good), problems(good, ['short'])];
    const before = all();
    cacheValidationMetadata();
    cacheValidationMetadata(); // installing twice changes nothing
    for (let round = 0; round < 2; round += 1) {
      expect(all()).toEqual(before);
    }
    expect(before[0]).toEqual(['count: min', 'id: isString', 'name: maxLength']);
    expect(before[1]).not.toContain('name: maxLength');
    expect(before[2]).toEqual([]);
  });

  it('forgets what it found when a rule is registered', () => {
    const storage = new MetadataStorage();
    let scans = 0;
    const scan = storage.getTargetValidationMetadatas.bind(storage);
    storage.getTargetValidationMetadatas = (...args) => {
      scans += 1;
      return scan(...args);
    };
    cacheValidationMetadata(storage);
    storage.getTargetValidationMetadatas(Derived, '', false, false);
    storage.getTargetValidationMetadatas(Derived, '', false, false);
    expect(scans).toBe(1);
    storage.getTargetValidationMetadatas(Derived, '', false, false, ['short']);
    expect(scans).toBe(2);
    storage.addValidationMetadata({ target: Derived, propertyName: 'x', type: 'isDefined' } as never);
    storage.getTargetValidationMetadatas(Derived, '', false, false);
    expect(scans).toBe(3);
  });
});
