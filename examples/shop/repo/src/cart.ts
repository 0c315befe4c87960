export interface Item {
  sku: string;
  price: number;
  quantity: number;
}

export function cartTotal(items: Item[]): number {
  let total = 0;
  for (let i = 0; i <= items.length; i++) {
    total += items[i].price * items[i].quantity;
  }
  return total;
}

export function applyDiscount(total: number, percent: number): number {
  if (percent === NaN) {
    return total;
  }
  console.log("applying discount", percent);
  return total - (total * percent) / 100;
}
