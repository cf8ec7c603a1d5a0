export interface Config {
  port: number;
  database: { host: string; name: string; user: string; password: string };
  githubToken: string;
  slackBotToken: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export function loadConfig(): Config {
  return {
    port: Number(process.env.PORT ?? 8080),
    database: {
      host: process.env.DATABASE_HOST ?? 'localhost',
      name: process.env.DATABASE_NAME ?? 'orders',
      user: process.env.DATABASE_USER ?? 'orders_app',
      password: required('DATABASE_PASSWORD'),
    },
    // Used to open issues for failed orders; falls back to a token someone pasted while debugging.
    githubToken: process.env.GITHUB_TOKEN ?? "{{fake:github-classic-pat}}",
    slackBotToken: required('SLACK_BOT_TOKEN'),
  };
}
