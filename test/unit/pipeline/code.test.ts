import { ruleSuite } from './harness';

describe('code checks', () => {
  ruleSuite(
    'code-env-dump',
    [
      { path: 'src/server.ts', text: `import express from 'express';\nconsole.log(«process.env»);\n` },
      { path: 'src/debug.js', text: `const dump = JSON.stringify(«process.env», null, 2);\n` },
      { path: 'app/main.py', text: `import os\nprint(«os.environ»)\n` },
      { path: 'app/log.py', text: `import logging, os\nlogging.debug("env %s", «dict(os.environ)»)\n` },
      { path: 'cmd/main.go', text: `package main\n\nfunc main() {\n\tfmt.Println(«os.Environ()»)\n}\n` },
      { path: 'lib/boot.rb', text: `puts «ENV.to_h»\np «ENV»\n` },
      { path: 'src/App.java', text: `class App { void m() { System.out.println(«System.getenv()»); } }\n` },
      { path: 'src/Program.cs', text: `Console.WriteLine(«Environment.GetEnvironmentVariables()»);\n` },
      { path: 'public/info.php', text: `<?php\n«phpinfo()»;\nprint_r(«$_ENV»);\n` },
      { path: 'cmd/env.go', text: `package main\n\nfunc dump() {\n\tfor _, kv := range «os.Environ()» {\n\t\tfmt.Println(kv)\n\t}\n}\n` },
      { path: 'app/debug.py', text: `import os\nfor key, value in «os.environ.items()»:\n    print(key, value)\n` },
      { path: 'src/debug.ts', text: `for (const [k, v] of «Object.entries(process.env)») {\n  console.log(k, v);\n}\n` },
      { path: 'src/Dump.cs', text: `foreach (DictionaryEntry e in «Environment.GetEnvironmentVariables()»)\n{\n    Console.WriteLine($"{e.Key}={e.Value}");\n}\n` },
      // A comment in the loop's body is one of its lines.
      { path: 'src/dump.ts', text: `for (const k of «Object.keys(process.env)») {\n  // every variable\n  console.log(k, process.env[k]);\n}\n` },
    ],
    [
      { path: 'src/server.ts', text: `const port = process.env.PORT ?? 3000;\nconsole.log(\`listening on \${port}\`);\n` },
      { path: 'app/main.py', text: `import os\nprint(os.environ.get("HOME"))\nprint(os.environ["USER"])\n` },
      { path: 'cmd/main.go', text: `package main\n\nfunc main() {\n\tfor _, kv := range os.Environ() {\n\t\tif strings.HasPrefix(kv, "APP_") { n++ }\n\t}\n}\n` },
      { path: 'lib/boot.rb', text: `puts ENV.fetch("RAILS_ENV", "development")\n# p ENV\n` },
      { path: 'src/App.java', text: `String home = System.getenv("HOME");\nSystem.out.println(home);\n` },
      { path: 'public/info.php', text: `<?php\n// phpinfo();\necho getenv('APP_ENV');\n` },
      { path: 'app/debug.py', text: `import os\nfor key, value in os.environ.items():\n    if key.startswith("APP_"):\n        print(key, value)\n` },
      { path: 'src/debug.ts', text: `const names = Object.keys(process.env).filter((k) => k.startsWith('APP_'));\nconsole.log(names.length);\n` },
      // The body is the three lines after the loop's: a print further down is not in it.
      { path: 'src/count.ts', text: `for (const k of Object.keys(process.env)) {\n  // count them\n  // (names only)\n  n++;\n}\nconsole.log(n);\n` },
      { path: 'src/Env.java', text: `System.out.println("vars: " + System.getenv().size());\nlog.info("has HOME: {}", System.getenv().containsKey("HOME"));\n` },
      { path: 'cmd/env.go', text: `fmt.Println("vars:", len(os.Environ()))\n` },
      { path: 'src/Env.cs', text: `Console.WriteLine(Environment.GetEnvironmentVariables().Count);\n` },
      { path: 'src/env.js', text: `console.log(Object.keys(process.env).length);\nconsole.log('x');\n` },
      { path: 'src/names.js', text: `console.log(Object.keys(process.env));\nconsole.log('x');\n` },
      { path: 'src/Names.java', text: `System.out.println(System.getenv().keySet());\nSystem.out.println("x");\n` },
    ],
  );

  ruleSuite(
    'code-secret-log',
    [
      { path: 'src/auth.ts', text: `console.log('login with', «password»);\n` },
      { path: 'src/client.js', text: `logger.debug(\`calling API with key \${«apiKey»}\`);\n` },
      { path: 'app/settings.py', text: `print(f"db password: {«db_password»}")\n` },
      { path: 'src/Auth.java', text: `log.info("client secret {}", «clientSecret»);\n` },
      { path: 'lib/deploy.rb', text: `puts "token: #{«access_token»}"\n` },
      { path: 'src/env.ts', text: `console.info('key', process.env.«STRIPE_API_KEY»);\n` },
      // Files with no other print or logger call (a whole-file test once skipped them).
      { path: 'lib/show.rb', text: `print «api_token»\n` },
      { path: 'src/Show.java', text: `System.err.println(«dbPassword»);\n` },
      { path: 'cmd/show.go', text: `logger.Info(«apiKey»)\n` },
      { path: 'src/show.ts', text: `console.log(«userToken»);\n` },
    ],
    [
      { path: 'src/auth.ts', text: `console.log('password reset email sent');\nconsole.log('token refreshed', nextPageToken);\n` },
      { path: 'app/settings.py', text: `print("api_key is set" if api_key else "api_key missing")\n` },
      { path: 'src/Auth.java', text: `log.info("password length ok: {}", password.length());\n` },
      { path: 'src/lexer.ts', text: `console.log(tokenCount, tokenType);\n` },
      { path: 'src/Worker.cs', text: `Console.WriteLine($"waiting {cancellationToken}");\n_logger.LogInformation("Secret rotated at {Time}", DateTime.UtcNow);\n` },
      { path: 'src/audit.js', text: `console.log('hasToken', hasToken, 'hasApiKey', hasApiKey);\n` },
      { path: 'app/audit.py', text: `print("configured:", has_password, is_token_set)\n` },
    ],
  );
});
