package dev.ctx.cli.audit;

import java.time.Instant;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converter for {@code --since} / {@code --until}: {@link TimeArgument} relative to the current time. */
final class TimeConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return TimeArgument.parse(value, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
