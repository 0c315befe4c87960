export { startScriptedOpenAiServer, type RecordedRequest, type ScriptedOpenAiServer } from "./scripted-openai-server.js";
export { answers, type FakeUsage, type ScriptedAnswer } from "./scripted-answers.js";
