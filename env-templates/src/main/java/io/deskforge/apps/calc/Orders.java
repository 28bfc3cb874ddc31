package io.deskforge.apps.calc;

import io.deskforge.apps.family.TaskDraw;
import io.deskforge.apps.family.Vocabulary;
import io.deskforge.task.spec.Derivation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sales table Calc tasks start from: a header (Order, Region, Product, Qty, Unit Price in
 * A..E) and 20 to 200 drawn orders. Order numbers are distinct; unit prices have cents that end in
 * 1, 3, 7 or 9, so no Qty × Unit Price is a whole number (none can be mistaken for a row number
 * of the instruction) and two different rows rarely give the same line total.
 */
record Orders(List<String> ids, List<String> regions, List<String> products, List<Integer> qty, List<String> prices) {
  static final List<String> REGIONS = List.of("North", "South", "East", "West", "Central");
  static final List<String> HEADER = List.of("Order", "Region", "Product", "Qty", "Unit Price");

  /** n orders; with {@code distinctQty}, no two share a Qty (a sort by Qty then has one answer). */
  static Orders draw(TaskDraw d, int n, boolean distinctQty) {
    List<String> ids = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    List<String> products = new ArrayList<>();
    List<Integer> qty = new ArrayList<>();
    List<String> prices = new ArrayList<>();
    List<String> nouns = Vocabulary.section("noun");
    int id = d.between(10000, 60000);
    Set<Integer> usedQty = new HashSet<>();
    Set<String> usedPrice = new HashSet<>();
    for (int i = 0; i < n; i++) {
      id += d.between(1, 3);
      ids.add("SO-" + id);
      regions.add(d.pick(REGIONS));
      products.add(TaskDraw.capitalize(d.pick(nouns)));
      int q;
      do q = d.between(1, distinctQty ? Math.max(99, 2 * n) : 60); while (distinctQty && !usedQty.add(q));
      qty.add(q);
      String p;
      do p = d.between(1, 240) + "." + d.between(0, 9) + d.pick(List.of("1", "3", "7", "9")); while (!usedPrice.add(p));
      prices.add(Derivation.number(new BigDecimal(p)));
    }
    return new Orders(ids, regions, products, qty, prices);
  }

  int size() {
    return ids.size();
  }

  /** Row number (from 1) of the last order. */
  int lastRow() {
    return ids.size() + 1;
  }

  List<String> row(int i) {
    return List.of(ids.get(i), regions.get(i), products.get(i), qty.get(i).toString(), prices.get(i));
  }

  List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (int i = 0; i < size(); i++) rows.add(row(i));
    return rows;
  }
}
