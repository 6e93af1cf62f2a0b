// range and slice.
import { PyObject, PyType } from './object';

export const rangeType = new PyType({
  name: 'range',
  doc: 'range(stop) | range(start, stop[, step]) -> the integers from start up to (not including) stop.',
});
export const sliceType = new PyType({ name: 'slice', doc: 'slice(start, stop[, step]): what a[start:stop:step] uses.' });

export class PyRange extends PyObject {
  readonly start: bigint;
  readonly stop: bigint;
  readonly step: bigint;
  constructor(start: bigint, stop: bigint, step: bigint) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  get length(): bigint {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }

  at(i: bigint): bigint {
    return this.start + i * this.step;
  }
}

export class PySlice extends PyObject {
  readonly start: PyObject;
  readonly stop: PyObject;
  readonly step: PyObject;
  constructor(start: PyObject, stop: PyObject, step: PyObject) {
    super(sliceType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}
