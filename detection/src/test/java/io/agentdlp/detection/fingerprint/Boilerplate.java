package io.agentdlp.detection.fingerprint;

import java.util.SplittableRandom;

/** Generated boilerplate (POJOs, builders, entry points, module glue) for clean probes. */
final class Boilerplate {
    private static final String[] NAMES = {"id", "name", "email", "createdAt", "status", "amount", "owner", "tags",
            "price", "quantity", "address", "phone", "enabled", "version"};
    private static final String[] TYPES = {"String", "long", "int", "boolean", "Instant", "List<String>", "BigDecimal"};

    private Boilerplate() {
    }

    static String any(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> pojo(random);
            case 1 -> main(random);
            case 2 -> jsModule(random);
            default -> license();
        };
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String pojo(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("public class " + cap(NAMES[random.nextInt(NAMES.length)]) + "Dto {\n");
        int fields = 2 + random.nextInt(5);
        String[] names = new String[fields];
        String[] types = new String[fields];
        for (int i = 0; i < fields; i++) {
            names[i] = NAMES[random.nextInt(NAMES.length)] + (i > 0 ? i : "");
            types[i] = TYPES[random.nextInt(TYPES.length)];
            sb.append("    private ").append(types[i]).append(' ').append(names[i]).append(";\n");
        }
        for (int i = 0; i < fields; i++) {
            sb.append("\n    public ").append(types[i]).append(" get").append(cap(names[i])).append("() {\n        return ")
                    .append(names[i]).append(";\n    }\n\n    public void set").append(cap(names[i])).append('(')
                    .append(types[i]).append(' ').append(names[i]).append(") {\n        this.").append(names[i])
                    .append(" = ").append(names[i]).append(";\n    }\n");
        }
        sb.append("\n    @Override\n    public String toString() {\n        return \"Dto{\" + ");
        for (int i = 0; i < fields; i++) {
            sb.append(i > 0 ? " + \", " : "\"").append(names[i]).append("=\" + ").append(names[i]);
        }
        sb.append(" + \"}\";\n    }\n}\n");
        return sb.toString();
    }

    static String main(SplittableRandom random) {
        return "public final class App {\n    private App() {\n    }\n\n    public static void main(String[] args) throws Exception {\n"
                + "        if (args.length < " + (1 + random.nextInt(3)) + ") {\n"
                + "            System.err.println(\"usage: app <input>\");\n            System.exit(2);\n        }\n"
                + "        new App().run(args[0]);\n    }\n}\n";
    }

    static String jsModule(SplittableRandom random) {
        String n = NAMES[random.nextInt(NAMES.length)];
        return "'use strict';\n\nconst path = require('path');\nconst fs = require('fs');\n\nfunction read" + cap(n)
                + "(file) {\n  return JSON.parse(fs.readFileSync(path.join(__dirname, file), 'utf8'));\n}\n\n"
                + "module.exports = {\n  read" + cap(n) + ",\n};\n";
    }

    static String license() {
        return "/*\n * Licensed to the Apache Software Foundation (ASF) under one or more\n"
                + " * contributor license agreements.  See the NOTICE file distributed with\n"
                + " * this work for additional information regarding copyright ownership.\n"
                + " * The ASF licenses this file to You under the Apache License, Version 2.0\n"
                + " * (the \"License\"); you may not use this file except in compliance with\n"
                + " * the License.  You may obtain a copy of the License at\n *\n"
                + " *      http://www.apache.org/licenses/LICENSE-2.0\n */\n";
    }
}
