import { Option } from 'commander';
import { FORMATS } from './format/index.js';

export const dataOption = () => new Option('--data <dir>', 'folder of YAML data files').default('data');
export const schemasOption = () => new Option('--schemas <dir>', 'folder of JSON Schemas (default: the shipped schemas)');
export const formatOption = () => new Option('--format <format>', 'how to report problems').choices(Object.keys(FORMATS)).default('text');
export const strictOption = () => new Option('--strict', 'treat warnings as errors');
