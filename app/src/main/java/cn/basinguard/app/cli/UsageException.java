package cn.basinguard.app.cli;

/** The command line itself is wrong (unknown subcommand, missing argument): the message says the right form. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
