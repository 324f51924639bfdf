package dev.cellguard.deploy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shell commands in the {@code bash} blocks of a Markdown file, split into words as the shell would. */
public final class ShellCommands {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    /** One command: its words with quotes removed ({@code $…} expansions are kept as written). */
    public record Command(List<String> words) {

        public boolean startsWith(String... prefix) {
            if (words.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!words.get(i).equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The value of {@code --name value} or {@code --name=value}. */
        public Optional<String> option(String name) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.equals(name) && i + 1 < words.size()) {
                    return Optional.of(words.get(i + 1));
                }
                if (word.startsWith(name + "=")) {
                    return Optional.of(word.substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }

        /** The words after {@code name} up to the next {@code --option}. */
        public List<String> arguments(String name) {
            int start = words.indexOf(name);
            if (start < 0) {
                return List.of();
            }
            List<String> arguments = new ArrayList<>();
            for (int i = start + 1; i < words.size() && !words.get(i).startsWith("--"); i++) {
                arguments.add(words.get(i));
            }
            return arguments;
        }

        @Override
        public String toString() {
            return String.join(" ", words);
        }
    }

    private ShellCommands() {
    }

    public static List<Command> in(String markdownFile) {
        List<Command> commands = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(Repo.read(markdownFile));
        while (block.find()) {
            String joined = block.group(1).replace("\\\n", " ");
            for (String line : joined.split("\n")) {
                List<String> words = words(line);
                if (!words.isEmpty()) {
                    commands.add(new Command(words));
                }
            }
        }
        return commands;
    }

    public static List<Command> starting(String markdownFile, String... prefix) {
        return in(markdownFile).stream().filter(c -> c.startsWith(prefix)).toList();
    }

    /** Splits a line into words: quotes group and are removed, {@code $(…)} stays one word, {@code #} starts a comment. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                depth++;
                word.append("$(");
                i++;
                inWord = true;
                continue;
            }
            if (depth > 0) {
                if (c == ')') {
                    depth--;
                }
                word.append(c);
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
