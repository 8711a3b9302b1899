/** The text provider generations stream from (builtin or openai-compatible), chosen by config. */
export const TEXT_PROVIDER = Symbol('TEXT_PROVIDER');
