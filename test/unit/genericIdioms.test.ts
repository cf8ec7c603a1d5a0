import { pw, suiteOf, tok } from './genericHarness';

const P = 'generic-password' as const;
const S = 'generic-secret' as const;

/** Idioms found missing by writing leaks the way people commit them (notebooks, formatters, C#, C). */
suiteOf(
  'idioms: embedded strings, wrapped lines, properties, macros, conversions',
  [
    { what: 'code in a notebook cell (escaped quotes)', path: 'notebooks/analysis.ipynb', text: `{"cells": [{"source": ["import os\\n", "password = \\"${pw('i1')}\\"\\n"]}]}`, value: pw('i1'), rule: P },
    { what: 'an env assignment in a package.json script', path: 'package.json', text: `{ "scripts": { "db": "PGPASSWORD=${pw('i2')} psql -h db" } }`, value: pw('i2'), rule: P },
    { what: 'a value wrapped onto the next line (black)', path: 'app/settings.py', text: `API_KEY = (\n    "${tok('i3')}"\n)\n`, value: tok('i3'), rule: S },
    { what: 'a value wrapped onto the next line (prettier)', path: 'src/config.ts', text: `const STRIPE_SECRET_TOKEN =\n  "${tok('i4')}";\n`, value: tok('i4'), rule: S },
    { what: 'a C# auto-property initialiser', path: 'src/Settings.cs', text: `public string Password { get; set; } = "${pw('i5')}";`, value: pw('i5'), rule: P },
    { what: 'a C #define', path: 'firmware/config.h', text: `#define WIFI_PASSWORD "${pw('i6')}"`, value: pw('i6'), rule: P },
    { what: 'a YAML anchor before the value', path: 'config/app.yml', text: `db:\n  password: &db_pw "${pw('i7')}"\n`, value: pw('i7'), rule: P },
    { what: 'a crontab line', path: 'deploy/crontab', text: `0 2 * * * PGPASSWORD=${pw('i8')} pg_dump app > /backup/app.sql`, value: pw('i8'), rule: P },
    { what: 'a Go []byte conversion', path: 'auth/jwt.go', text: `var jwtKey = []byte("${tok('i9')}")`, value: tok('i9'), rule: S },
    { what: 'a Rust String::from', path: 'src/main.rs', text: `let api_token = String::from("${tok('i10')}");`, value: tok('i10'), rule: S },
    { what: 'a short _PW name', path: '.env', text: `LDAP_BIND_PW=${pw('i11')}`, value: pw('i11'), rule: P },
  ],
  [
    { what: 'an escaped reference in a notebook', path: 'notebooks/a.ipynb', text: '{"source": ["password = \\"{{ pw }}\\"\\n"]}' },
    { what: 'a wrapped call on the next line', path: 'app/settings.py', text: 'API_KEY = (\n    get_secret("api-key")\n)\n' },
    { what: 'a wrapped value followed by more code', path: 'src/config.ts', text: `const apiKey =\n  "${tok('in1')}" + suffix;\n` },
    { what: 'a getter-only property', path: 'src/Settings.cs', text: 'public string Password { get; } = LoadPassword();' },
    { what: 'a #define of a non-secret', path: 'firmware/config.h', text: '#define WIFI_SSID "home-network"' },
    { what: 'a conversion of a variable', path: 'auth/jwt.go', text: 'var jwtKey = []byte(os.Getenv("JWT_KEY"))' },
    { what: 'a Mapbox public token', path: 'src/map.js', text: `const map = new mapboxgl.Map({ accessToken: "pk.eyJ${tok('mb1')}.${tok('mb2')}" });` },
    { what: 'a translated password label', path: 'config/locales/es.yml', text: 'es:\n  password: "Contraseña"\n' },
  ],
);
