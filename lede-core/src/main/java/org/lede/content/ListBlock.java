package org.lede.content;

import java.util.List;
import java.util.stream.Collectors;
import org.lede.common.Check;
import org.lede.common.ValidationException;

public record ListBlock(boolean ordered, List<ListItem> items) implements Block {
    public ListBlock {
        items = Check.list(items);
        if (items.isEmpty()) {
            throw new ValidationException("items", "A list needs at least one item.");
        }
    }

    @Override
    public String type() {
        return "list";
    }

    @Override
    public String plainText() {
        return items.stream().map(ListItem::plainText).collect(Collectors.joining("\n"));
    }
}
